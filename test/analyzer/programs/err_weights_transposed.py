import numpy as np

X = np.random.randn(32, 784)
W = np.random.randn(10, 784)
b = np.zeros(10)
out = X @ W + b  # error: shape-matmul  # fix: W.T
