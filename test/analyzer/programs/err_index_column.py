import numpy as np

X = np.zeros((10, 3))
c = X[:, 3]  # error: shape-index
