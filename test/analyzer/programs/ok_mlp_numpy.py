import numpy as np

np.random.seed(1)
W1 = np.random.randn(784, 128) * 0.01  # expect: (784, 128)
b1 = np.zeros(128)
W2 = np.random.randn(128, 10) * 0.01
b2 = np.zeros(10)

def forward(X):
    h = np.maximum(0, X @ W1 + b1)
    return h @ W2 + b2

X = np.random.rand(16, 784)
out = forward(X)  # expect: (16, 10)
