import numpy as np

X = np.random.randn(32, 10)
W = np.random.randn(10, 5)
b = np.zeros(10)
out = X @ W + b  # error: shape-broadcast
