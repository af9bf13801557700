import numpy as np

def relu(z):
    return np.maximum(z, 0)

def layer(x, W, b):
    return relu(x @ W + b)

X = np.ones((8, 4))
W1 = np.ones((4, 16))
b1 = np.zeros(16)
h = layer(X, W1, b1)  # expect: (8, 16)
W2 = np.ones((16, 2))
out = layer(h, W2, np.zeros(2))  # expect: (8, 2)
