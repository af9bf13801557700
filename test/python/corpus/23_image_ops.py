import numpy as np

H, W, C = 32, 48, 3
img = np.random.randint(0, 256, size=(H, W, C), dtype=np.uint8)

as_float = img.astype(np.float32) / 255.0
chw = as_float.transpose(2, 0, 1)
gray = as_float @ np.array([0.299, 0.587, 0.114])
flipped = img[:, ::-1]
upside = img[::-1, :, :]
crop = img[8:24, 12:36]
bgr = img[..., ::-1]
padded = np.pad(img, ((2, 2), (2, 2), (0, 0)), mode="constant")
batch = np.stack([img, flipped, upside])
nchw = batch.transpose(0, 3, 1, 2)
mean = nchw.mean(axis=(0, 2, 3), keepdims=True)
std = nchw.std(axis=(0, 2, 3), keepdims=True)
normed = (nchw - mean) / std

print(chw.shape, gray.shape, crop.shape, bgr.shape, padded.shape, nchw.shape, normed.shape)

# 2x2 average pooling with reshape
pooled = as_float.reshape(H // 2, 2, W // 2, 2, C).mean(axis=(1, 3))
print(pooled.shape)
