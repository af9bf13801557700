import numpy as np

a = np.array([1e-8, 0.5, 1234.5678, 3.0])
print(a)
np.set_printoptions(suppress=True)
print(a)
np.set_printoptions(precision=2)
print(a)
print(np.linspace(0, 1, 11))
np.set_printoptions(precision=8, suppress=False)
big = np.arange(2000)
print(big)
np.set_printoptions(threshold=10, edgeitems=2)
print(np.arange(30).reshape(6, 5))
