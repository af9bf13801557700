import numpy as np

X = np.zeros((64, 28, 28))
flat = X.reshape(64, 28 * 27)  # error: shape-reshape
