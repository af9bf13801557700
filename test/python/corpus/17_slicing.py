import numpy as np

a = np.arange(60).reshape(3, 4, 5)
print(a[0], a[-1], a[1, 2], a[1, 2, 3])
print(a[1:], a[:2], a[::2], a[::-1], a[1:3:1])
print(a[:, 0], a[..., 0], a[0, ...], a[:, :, ::2])
print(a[1:, ::2, None, ...].shape)
print(a[None].shape, a[:, None, :].shape, a[np.newaxis, ..., np.newaxis].shape)
print(a[[0, 2]], a[[0, 2], [1, 3]], a[np.array([True, False, True])])
mask = a > 30
print(a[mask].shape, a[a % 7 == 0])
print(a[()].shape, a[:, 1:-1, 1:-1].shape)
i, j = 1, 3
print(a[i:j], a[i:], a[:j], a[i::j], a[-j:-i])
print(a[tuple([slice(None), 0])].shape)
b = a.copy()
b[0, :, :] = 0
b[..., -1] += 100
b[1][2] = -1
b[:, ::2] *= 2
del b
x = [1, 2, 3, 4, 5]
print(x[1:-1], x[::-1], x[slice(1, 4, 2)])
x[1:3] = [20, 30]
del x[0]
del x[::2]
