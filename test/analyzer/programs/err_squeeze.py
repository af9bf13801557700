import numpy as np

x = np.zeros((3, 1, 4))
y = np.squeeze(x, axis=0)  # error: shape-squeeze
