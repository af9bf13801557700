import numpy as np

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

X = np.random.randn(50, 4)
y = (X[:, 0] > 0).astype(float)  # expect: (50,) float64
W = np.zeros((4, 1))
b = 0.0
for step in range(10):
    p = sigmoid(X @ W + b)  # expect: (50, 1)
    grad_W = X.T @ (p - y[:, None]) / 50  # expect: (4, 1)
    W -= 0.5 * grad_W
