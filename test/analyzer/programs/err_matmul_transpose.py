import numpy as np

A = np.zeros((10, 4))
B = np.zeros((10, 4))
C = A @ B  # error: shape-matmul  # fix: B.T
