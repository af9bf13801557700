import numpy as np

A = np.random.randn(4, 3, 5)
B = np.random.randn(4, 5, 2)
C = A @ B  # expect: (4, 3, 2)
D = np.random.randn(5, 2)
E = A @ D  # expect: (4, 3, 2)
F = np.random.randn(1, 5, 7) @ np.random.randn(3, 7, 2)  # expect: (3, 5, 2)
