import numpy as np

img = np.ones((28, 28))
ok = np.pad(img, ((1, 1), (2, 2)))  # expect: (30, 32) float64
bad = np.pad(img, ((1, 1), (2, 2), (3, 3)))  # error: shape-broadcast
