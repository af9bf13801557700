import numpy as np

W = np.random.randn(3, 5) * 0.01  # expect: (3, 5)
x = np.random.randn(5)  # expect: (5,)
y = W @ x  # expect: (3,)
Z = np.random.randn(10, 3) @ W  # expect: (10, 5)
G = W.T @ W  # expect: (5, 5)
