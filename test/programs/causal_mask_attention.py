import numpy as np

np.random.seed(0)
T, d = 4, 3
q = np.random.randn(T, d)
k = np.random.randn(T, d)
v = np.arange(T * d, dtype=np.float64).reshape(T, d)

scores = q @ k.T / np.sqrt(d)
mask = np.tril(np.ones((T, T), dtype=bool))
print(mask.astype(int))
scores = np.where(mask, scores, -np.inf)
weights = np.exp(scores - scores.max(axis=1, keepdims=True))
weights /= weights.sum(axis=1, keepdims=True)
print(weights.round(3))
print("rows sum to 1:", np.allclose(weights.sum(axis=1), 1.0))
print("upper triangle is zero:", np.allclose(np.triu(weights, 1), 0))
out = weights @ v
print(out.round(3))

# the first position can only attend to itself
print(np.isclose(out[0], v[0]))

# a float mask built with triu, as in transformer code
neg = np.triu(np.full((T, T), -1e9), k=1)
print(neg)
print(np.tril(np.arange(1, 10).reshape(3, 3), k=-1))
