import numpy as np

A = np.ones((4, 3))
v = np.ones(4)
s = A + v
B = np.ones((4, 5))
C = A @ B
m = np.zeros((10, 20))
centered = m - m.mean(axis=1)
