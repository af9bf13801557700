import numpy as np

img = np.arange(25, dtype=float).reshape(5, 5)
k = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
H, W = img.shape
kh, kw = k.shape
out = np.zeros((H - kh + 1, W - kw + 1))
for i in range(out.shape[0]):
    for j in range(out.shape[1]):
        patch = img[i:i + kh, j:j + kw]
        out[i, j] = (patch * k).sum()
print("sobel-x response:")
print(out)
print("output shape:", out.shape)
pooled = out.reshape(1, 3, 1, 3).max(axis=(0, 2))
print("global max per column:", pooled)
