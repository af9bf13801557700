import numpy as np

pixels = np.array([250, 100, 5], dtype=np.uint8)
print(pixels + 10)
print(pixels - 10)
print(pixels * 2)
brighter = np.clip(pixels.astype(np.int16) + 10, 0, 255).astype(np.uint8)
print(brighter, brighter.dtype)
print(pixels.mean(), pixels.sum(), pixels.sum().dtype)
small = np.array([127], dtype=np.int8)
print(small + 1)
