import numpy as np

a = np.zeros((3, 2))
b = np.zeros((4, 2))
c = np.hstack([a, b])  # error: shape-concat
