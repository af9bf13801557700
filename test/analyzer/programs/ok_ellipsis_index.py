import numpy as np

# `...` stands for every axis not indexed
rgb = np.ones((4, 5, 3), dtype=np.uint8)
red = rgb[..., 0]  # expect: (4, 5) uint8
gray = 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]  # expect: (4, 5) float64
x = np.ones((2, 3, 4))
a = x[..., 1:3]  # expect: (2, 3, 2)
b = x[0, ...]  # expect: (3, 4)
c = x[..., None]  # expect: (2, 3, 4, 1)
d = x[...]  # expect: (2, 3, 4)
e = x[1, ..., 2]  # expect: (3,)
x[..., 0] = 7.0
t = x[..., 0]  # expect: (2, 3)
