import numpy as np

x = np.ones((4, 4))
if x.sum() > 0:
    y = x * 2
else:
    y = x * 3
z = y @ np.ones((3, 3))  # error: shape-matmul
