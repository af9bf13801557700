import numpy as np

A = np.ones((3, 4))
col = np.arange(3).reshape(3, 1)
row = np.arange(4)

print((A + row).shape)       # (3, 4)
print((A * col).shape)       # (3, 4)
print((col + row).shape)     # (3, 4)

x = np.random.rand(8, 1, 6, 1)
y = np.random.rand(7, 1, 5)
print((x * y).shape)         # (8, 7, 6, 5)

try:
    np.ones((3, 4)) + np.ones(3)
except ValueError as e:
    print(e)

centered = A - A.mean(axis=1, keepdims=True)
outer = row[:, None] * row[None, :]
dist = np.sqrt(((col[:, None, :] - col[None, :, :]) ** 2).sum(-1))
print(centered.shape, outer.shape, dist.shape)
print(np.broadcast_shapes((3, 1), (1, 4)), np.broadcast_to(row, (2, 4)))
