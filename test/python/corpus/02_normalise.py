import numpy as np

def standardise(X, eps=1e-8):
    mu = X.mean(axis=0)
    sigma = X.std(axis=0)
    return (X - mu) / (sigma + eps), mu, sigma


def min_max(X, lo=0.0, hi=1.0):
    xmin = X.min(axis=0, keepdims=True)
    xmax = X.max(axis=0, keepdims=True)
    scaled = (X - xmin) / (xmax - xmin)
    return scaled * (hi - lo) + lo


X = np.random.randn(100, 4) * 3.0 + 7.5
Z, mu, sigma = standardise(X)
print(Z.mean(axis=0).round(6), Z.std(axis=0))

# Normalising each row instead (L2)
norms = np.linalg.norm(X, axis=1, keepdims=True)
X_unit = X / norms
print(np.allclose(np.sum(X_unit ** 2, axis=1), 1.0))

# Common mistake: mean over the wrong axis
wrong = X - X.mean(axis=1)[:, None]
M = min_max(X, -1, 1)
print(M.min(), M.max())
