import numpy as np

W = np.random.randn(3, 5)
x = np.random.randn(3)
y = W @ x  # error: shape-matmul
