import numpy as np

x = np.arange(6)
m = np.array([True, False, True])
y = x[m]  # error: shape-index
