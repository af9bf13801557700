import numpy as np

imgs = np.zeros((32, 28, 28, 3), dtype=np.uint8)  # expect: (32, 28, 28, 3) uint8
chw = imgs.transpose(0, 3, 1, 2)  # expect: (32, 3, 28, 28)
gray = imgs.mean(axis=3)  # expect: (32, 28, 28)
norm = imgs / 255.0  # expect: (32, 28, 28, 3) float64
mean_rgb = norm.mean(axis=(0, 1, 2))  # expect: (3,)
centered = norm - mean_rgb  # expect: (32, 28, 28, 3)
