import numpy as np

A = np.random.randn(5, 2)
B = np.random.randn(7, 2)
diff = A[:, None, :] - B[None, :, :]  # expect: (5, 7, 2)
dist = np.sqrt((diff ** 2).sum(axis=-1))  # expect: (5, 7)
nearest = dist.argmin(axis=1)  # expect: (5,)
