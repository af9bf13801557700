import numpy as np

X = np.random.randn(20, 5)
z = (X - X.mean(axis=0, keepdims=True)) / X.std(axis=0, keepdims=True)  # expect: (20, 5)
row_norm = X / np.linalg.norm(X, axis=1, keepdims=True)
cov = z.T @ z / 19  # expect: (5, 5)
