import numpy as np

np.random.seed(0)
X = np.random.randn(200, 3)  # expect: (200, 3)
true_w = np.array([1.5, -2.0, 0.5])  # expect: (3,)
y = X @ true_w + 0.1 * np.random.randn(200)  # expect: (200,)
w = np.zeros(3)
lr = 0.1
for epoch in range(100):
    pred = X @ w  # expect: (200,)
    grad = X.T @ (pred - y) / len(y)  # expect: (3,)
    w = w - lr * grad  # expect: (3,)
