import numpy as np

x = np.zeros((3, 4))
s = x.sum(axis=2)  # error: shape-axis
