import numpy as np

x = np.linspace(-1, 1, 50)  # expect: (50,)
y = np.where(x > 0, x, 0.0)  # expect: (50,)
z = np.clip(x, -0.5, 0.5)  # expect: (50,)
mask = x > 0  # expect: (50,) bool
pos = x[mask]  # expect: (nnz,)
