import numpy as np

x = np.zeros((3, 4))
v = x[3]  # error: shape-index
