import numpy as np

W = np.ones((3, 4))
x = np.ones((5, 3))
y = np.einsum('ij,jk->ik', x, W)  # expect: (5, 4) float64
z = np.einsum('ij,jk->ik', W, x)  # error: shape-einsum
