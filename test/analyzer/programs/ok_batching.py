import numpy as np

X = np.random.randn(1000, 20)
bs = 32
for i in range(0, len(X), bs):
    xb = X[i:i+bs]  # expect: (≤bs, 20)
    s = xb.sum(axis=0)  # expect: (20,)
