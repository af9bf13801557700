import numpy as np

X = np.random.randn(100, 4)  # expect: (100, 4) float64
mu = X.mean(axis=0)  # expect: (4,) float64
sd = X.std(axis=0)  # expect: (4,)
Xn = (X - mu) / sd  # expect: (100, 4) float64
col = X.mean(axis=1, keepdims=True)  # expect: (100, 1)
Xc = X - col  # expect: (100, 4)
