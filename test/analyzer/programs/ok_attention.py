import numpy as np

T, d = 6, 8
Q = np.random.randn(T, d)  # expect: (6, 8)
K = np.random.randn(T, d)
V = np.random.randn(T, d)
scores = Q @ K.T / np.sqrt(d)  # expect: (6, 6)
w = np.exp(scores - scores.max(-1, keepdims=True))
w = w / w.sum(-1, keepdims=True)  # expect: (6, 6)
ctx = w @ V  # expect: (6, 8)
