import numpy as np

A = np.array([[2.0, 0.0], [0.0, 4.0]])
b = np.array([2.0, 8.0])
print(np.linalg.inv(A))
print(np.linalg.solve(A, b))
print(np.linalg.det(A))
I = np.eye(3)
print(np.linalg.inv(I * 2))
print(np.linalg.norm(np.array([3.0, 4.0])))
try:
    np.linalg.inv(np.zeros((2, 2)))
except np.linalg.LinAlgError as e:
    print("LinAlgError:", e)
