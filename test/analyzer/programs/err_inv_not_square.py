import numpy as np

X = np.random.default_rng(0).standard_normal((10, 3))
G = np.linalg.inv(X.T @ X)  # expect: (3, 3) float64
H = np.linalg.inv(X)  # error: shape-linalg
