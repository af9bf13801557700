import numpy as np

imgs = np.zeros((32, 28, 28, 3))
mean = imgs.mean(axis=(0, 2, 3))
x = imgs - mean  # error: shape-broadcast
