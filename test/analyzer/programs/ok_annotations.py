import numpy as np

def forward(x, W):  # shape: (B, 784)
    return x @ W

W = np.zeros((784, 10))
batch = np.zeros((32, 784))
out = forward(batch, W)  # expect: (32, 10)
