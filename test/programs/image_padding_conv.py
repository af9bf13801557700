import numpy as np

# a tiny grayscale "image" and a 3x3 box blur that keeps the size by zero padding
img = np.arange(1, 21, dtype=np.float32).reshape(4, 5) / 20
kernel = np.ones((3, 3), dtype=np.float32) / 9
padded = np.pad(img, 1)
print("padded shape:", padded.shape, padded.dtype)
out = np.zeros_like(img)
for i in range(img.shape[0]):
    for j in range(img.shape[1]):
        out[i, j] = (padded[i:i + 3, j:j + 3] * kernel).sum()
print(out.round(3))

# edge padding keeps border brightness; reflect avoids a repeated border row
print(np.pad(img[:2, :3], ((1, 1), (2, 0)), mode="edge"))
print(np.pad(np.arange(4), 3, mode="reflect"))
print(np.pad(np.arange(4), (2, 5), mode="wrap"))

# batch of RGB images, channels last: pad only height and width
batch = np.ones((2, 4, 4, 3), dtype=np.uint8) * 200
pb = np.pad(batch, ((0, 0), (2, 2), (2, 2), (0, 0)), constant_values=0)
print("batch:", batch.shape, "->", pb.shape, "mean", pb.mean().round(4))
print(pb[0, :, :, 0])

# a mistake learners make: one pad pair per axis, but three pairs for a 2-d array
np.pad(img, ((1, 1), (1, 1), (1, 1)))
