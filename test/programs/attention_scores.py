import numpy as np


def softmax(z, axis=-1):
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


T, d = 4, 3
Q = np.linspace(-1, 1, T * d).reshape(T, d)
K = np.linspace(1, -1, T * d).reshape(T, d)
V = np.arange(T * d, dtype=float).reshape(T, d)
scores = Q @ K.T / np.sqrt(d)
print("scores", scores.shape)
print(scores.round(4))
mask = np.triu(np.ones((T, T)), k=1).astype(bool)
scores = np.where(mask, -1e9, scores)
weights = softmax(scores)
print("weights:")
print(weights.round(4))
print("rows sum to 1:", np.allclose(weights.sum(axis=-1), 1))
out = weights @ V
print("output:", out.shape)
print(out)
