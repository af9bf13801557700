import numpy as np

X = np.random.randn(100, 4)
mu = X.mean(axis=1)
Xc = X - mu  # error: shape-broadcast  # fix: mu[:, None]
