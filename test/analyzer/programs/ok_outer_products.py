import numpy as np

u = np.arange(4.0)
v = np.arange(3.0)
O = u[:, None] * v  # expect: (4, 3)
P = np.outer(u, v)
table = np.arange(1, 10)[:, None] * np.arange(1, 10)  # expect: (9, 9)
