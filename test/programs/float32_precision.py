import numpy as np

x32 = np.float32(0.1)
x64 = np.float64(0.1)
print(x32, x64, x32 == x64, float(x32))
acc = np.float32(0)
for _ in range(10):
    acc += np.float32(0.1)
print(acc, type(acc).__name__)
arr = np.full(1000, 0.1, dtype=np.float32)
print(arr.sum(), arr.dtype, arr.sum().dtype)
print(np.float32(1) / np.float32(3), np.float64(1) / 3)
print(np.array([1 / 3], dtype=np.float32), np.array([16777217], dtype=np.float32))
