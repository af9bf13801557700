import numpy as np

img = np.random.rand(10, 10)
k = np.ones((3, 3)) / 9
out = np.zeros((8, 8))
for i in range(8):
    for j in range(8):
        patch = img[i:i+3, j:j+3]  # expect: (≤3, ≤3)
        out[i, j] = (patch * k).sum()
