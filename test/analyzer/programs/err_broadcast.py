import numpy as np

x = np.ones((2, 3))
b = np.ones(2)
y = x + b  # error: shape-broadcast  # fix: b[:, None]
