import numpy as np

x = np.arange(36, dtype=float).reshape(1, 1, 6, 6)
N, C, H, W = x.shape
pooled = x.reshape(N, C, H // 2, 2, W // 2, 2).max(axis=(3, 5))
print("input:\n", x[0, 0])
print("2x2 max pool:\n", pooled[0, 0])
print(pooled.shape)
avg = x.reshape(N, C, H // 3, 3, W // 3, 3).mean(axis=(3, 5))
print("3x3 avg pool:\n", avg[0, 0])
mask = (x[0, 0].reshape(3, 2, 3, 2) == pooled[0, 0][:, None, :, None])
print("argmax mask rows:", mask.reshape(6, 6).sum(axis=1))
