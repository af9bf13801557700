import numpy as np
import torch
import torch.nn as nn


def center(x, axis=0):
    mu = x.mean(axis=axis, keepdims=True)
    return x - mu, mu


def project(x, k):
    w = np.ones((x.shape[-1], k))
    return x @ w


def pairwise(a, b):
    diff = a[:, None, :] - b[None, :, :]
    d2 = (diff ** 2).sum(axis=-1)
    return np.sqrt(d2)


def pipeline(x, *, k=2, scale=1.0):
    c, m = center(x)
    p = project(c, k) * scale
    return p, m


A = np.random.rand(10, 4)
B = np.random.rand(7, 4)
cA, mA = center(A)
cB, mB = center(B, axis=1)
pA = project(A, 3)
pB = project(B, 5)
D = pairwise(A, B)
D2 = pairwise(B, B)
out, m = pipeline(A, k=6)
out2, m2 = pipeline(B)
sq = (lambda v: v * v)(A)
vs = [project(A, k) for k in range(1, 4)]
first = vs[0]
last = vs[-1]
cache = {"a": A, "b": B}
fromdict = cache["a"] @ np.ones((4, 2))


class Scaler:
    def __init__(self, n):
        self.mean = np.zeros(n)
        self.std = np.ones(n)

    def fit(self, X):
        self.mean = X.mean(axis=0)
        self.std = X.std(axis=0) + 1e-8
        return self

    def transform(self, X):
        return (X - self.mean) / self.std


sc = Scaler(4).fit(A)
tA = sc.transform(A)
tB = sc.transform(B)
mean_attr = sc.mean


class Block(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.lin = nn.Linear(d_in, d_out)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.lin(x))


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.b1 = Block(4, 8)
        self.b2 = Block(8, 3)

    def forward(self, x):
        h = self.b1(x)
        return self.b2(h)


model = Model()
xt = torch.from_numpy(A).float()
yt = model(xt)
h1 = model.b1(xt)
probs = torch.softmax(yt, dim=-1)
pred = probs.argmax(dim=1)
acc = (pred == torch.zeros(10, dtype=torch.long)).float().mean()


def batches(X, bs):
    for i in range(0, len(X), bs):
        yield X[i:i + bs]


for xb in batches(A, 4):
    xbm = xb.mean(axis=0)

total = np.zeros(4)
for i, row in enumerate(A):
    total += row * i

acc_list = []
for j in range(3):
    acc_list.append(A[j:j + 2].sum(axis=0))
stacked = np.stack(acc_list)
