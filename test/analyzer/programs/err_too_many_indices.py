import numpy as np

x = np.zeros((3, 4))
v = x[0, 1, 2]  # error: shape-index
