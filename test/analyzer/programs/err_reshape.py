import numpy as np

x = np.zeros((32, 28, 28))
y = x.reshape(32, 700)  # error: shape-reshape
