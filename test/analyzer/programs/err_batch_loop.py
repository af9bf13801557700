import numpy as np

X = np.random.randn(100, 20)
W = np.random.randn(10, 5)
for i in range(0, 100, 10):
    xb = X[i:i+10]
    h = xb @ W  # error: shape-matmul
