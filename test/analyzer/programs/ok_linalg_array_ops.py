import numpy as np

# linalg, outer, einsum and the common array manipulations keep their shapes known
A = np.random.randn(4, 4)
b = np.ones(4)
Ainv = np.linalg.inv(A)  # expect: (4, 4) float64
x = np.linalg.solve(A, b)  # expect: (4,) float64
P = np.linalg.pinv(np.ones((5, 3)))  # expect: (3, 5) float64
norms = np.linalg.norm(np.ones((10, 3)), axis=1, keepdims=True)  # expect: (10, 1) float64
w, V = np.linalg.eigh(A @ A.T)  # expect: (4, 4) float64
U, s, Vt = np.linalg.svd(np.ones((6, 4)), full_matrices=False)  # expect: (4, 4) float64
Q, R = np.linalg.qr(np.ones((6, 4)))  # expect: (4, 4) float64
o = np.outer(np.arange(3), np.ones(5))  # expect: (3, 5) float64
scores = np.einsum('bik,bjk->bij', np.ones((2, 5, 8)), np.ones((2, 7, 8)))  # expect: (2, 5, 7) float64
img = np.ones((3, 28, 28))
padded = np.pad(img, ((0, 0), (2, 2), (2, 2)))  # expect: (3, 32, 32) float64
t = np.tile(np.arange(4), (3, 1))  # expect: (3, 4) int64
r = np.repeat(np.eye(2), 3, axis=1)  # expect: (2, 6) float64
cs = np.cumsum(np.arange(6, dtype=np.int32).reshape(2, 3), axis=1)  # expect: (2, 3) int64
d = np.diff(np.arange(10.0))  # expect: (9,) float64
f = np.flip(img, axis=0)  # expect: (3, 28, 28) float64
rl = np.roll(img, 1)  # expect: (3, 28, 28) float64
order = np.argsort(np.ones((5, 2)), axis=0)  # expect: (5, 2) int64
srt = np.sort(np.ones((5, 2)), axis=None)  # expect: (10,) float64
labels = np.array([0, 2, 2, 1])
classes, counts = np.unique(labels, return_counts=True)  # expect: (unique(labels),) int64
freq = counts / counts.sum()  # expect: (unique(labels),) float64
