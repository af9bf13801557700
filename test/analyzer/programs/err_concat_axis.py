import numpy as np

X = np.zeros((10, 3))
ones = np.ones(10)
Xb = np.concatenate([X, ones], axis=1)  # error: shape-concat
