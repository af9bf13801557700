import numpy as np

# a tiny 4x5 grayscale "image" and an RGB one
img = np.arange(20, dtype=np.uint8).reshape(4, 5) * 10
print(img)
print("flipped lr:\n", img[:, ::-1])
print("flipped ud:\n", np.flipud(img))
print("crop:\n", img[1:3, 1:4])
flat = img.argmax()
print("max pixel:", img.max(), "at", (flat // img.shape[1], flat % img.shape[1]))

rgb = np.stack([img, img // 2, img // 4], axis=-1)
print("rgb shape (H, W, C):", rgb.shape)
chw = rgb.transpose(2, 0, 1)
print("chw shape:", chw.shape, "contiguous strides:", chw.strides)
print("channel means:", chw.reshape(3, -1).mean(axis=1))
gray = (0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2])
print("gray:\n", gray.round(1))
normalised = rgb.astype(np.float32) / 255.0
print(normalised.dtype, normalised.max(), normalised[0, 1])
