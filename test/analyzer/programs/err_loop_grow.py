import numpy as np

X = np.zeros((10, 3))
w = np.zeros(4)
for i in range(5):
    pred = X @ w  # error: shape-matmul
