import numpy as np

X = np.zeros((64, 10))
n, d = X.shape
W = np.zeros((d, 3))  # expect: (10, 3)
b = np.zeros(3)  # expect: (3,)
out = X @ W + b  # expect: (64, 3)
m = len(X)
col = np.ones((m, 1))  # expect: (64, 1)
Xb = np.concatenate([X, col], axis=1)  # expect: (64, 11)
