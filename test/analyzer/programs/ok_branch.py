import numpy as np

flag = True
if flag:
    x = np.zeros((3, 4))
else:
    x = np.zeros((3, 4))
y = x + 1  # expect: (3, 4)
if flag:
    z = np.zeros((2, 2))
else:
    z = np.zeros((5, 5))
w = z * 2
