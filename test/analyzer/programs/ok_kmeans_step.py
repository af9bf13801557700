import numpy as np

X = np.random.randn(60, 2)
C = X[:3]  # expect: (3, 2)
d = ((X[:, None, :] - C[None]) ** 2).sum(-1)  # expect: (60, 3)
assign = d.argmin(1)  # expect: (60,)
newC = np.stack([X[assign == k].mean(0) for k in range(3)])
