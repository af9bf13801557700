import numpy as np

X = np.random.randn(50, 6)
batch = 8
for start in range(0, X.shape[0], batch):
    xb = X[start:start + batch]
    m = xb.mean(axis=0)
    c = xb - m
    cov = c.T @ c / max(1, xb.shape[0] - 1)

acc = np.zeros(6)
for row in X:
    acc = acc + row ** 2

rows = []
for i in range(4):
    rows.append(X[i] * i)
R = np.stack(rows)
C = np.concatenate(rows)

def norm(v, axis=-1):
    return v / np.linalg.norm(v, axis=axis, keepdims=True)

n1 = norm(X)
n2 = norm(X[:3], axis=0)
n3 = norm(np.ones((2, 3, 4)), axis=1)

def affine(x, w, b):
    return x @ w + b

o1 = affine(X, np.ones((6, 2)), np.zeros(2))
o2 = affine(X[:5], np.ones((6, 3)), 0.0)

h = X
for k in range(3):
    h = np.tanh(h @ np.ones((h.shape[1], 6 - k)))

grow = np.ones((1, 2))
for k in range(3):
    grow = np.vstack([grow, np.ones((1, 2))])

i = 0
s = np.ones((2, 2))
while i < 3:
    s = s @ np.ones((2, 2))
    i += 1

if X.shape[0] > 10:
    z = np.ones((3, 3))
else:
    z = np.ones((4, 4))
zz = z.sum(axis=0)

pairs = [(np.ones(2), np.ones((2, 2))), (np.ones(2), np.ones((2, 2)))]
for v, M in pairs:
    mv = M @ v

items = {'a': np.ones(3), 'b': np.ones(3)}
for key, val in items.items():
    scaled = val * 2

ws = [np.ones((4, 4)) for _ in range(3)]
wsum = sum(ws)
wa = np.array(ws)
lens = np.array([len(w) for w in ws])
