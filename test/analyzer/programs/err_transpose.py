import numpy as np

x = np.zeros((2, 3, 4))
y = x.transpose(0, 1)  # error: shape-transpose
