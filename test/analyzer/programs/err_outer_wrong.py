import numpy as np

u = np.arange(4.0)
v = np.arange(3.0)
O = u * v  # error: shape-broadcast
