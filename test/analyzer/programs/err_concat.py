import numpy as np

a = np.zeros((2, 3))
b = np.zeros((2, 2))
c = np.concatenate([a, b], axis=0)  # error: shape-concat
