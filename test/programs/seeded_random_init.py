import numpy as np

np.random.seed(42)
W1 = np.random.randn(3, 4) * 0.01
b1 = np.zeros(4)
print("W1:")
print(W1)
print("mean:", W1.mean(), "std:", W1.std())
x = np.random.rand(2, 3)
print("x:", x)
h = np.maximum(0, x @ W1 + b1)
print("h:", h)
idx = np.random.permutation(6)
print("permutation:", idx)
print("randint:", np.random.randint(0, 100, size=(2, 3)))
print("choice:", np.random.choice([10, 20, 30, 40], size=3, replace=False))
