import numpy as np

x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
kernel = np.array([1.0, 0.0, -1.0])
out = np.zeros(len(x) - len(kernel) + 1)
for i in range(len(out)):
    out[i] = np.dot(x[i:i + len(kernel)], kernel)
print("valid conv (correlation):", out)
padded = np.concatenate([np.zeros(1), x, np.zeros(1)])
same = np.array([padded[i:i + 3] @ kernel for i in range(len(x))])
print("same:", same)
stride2 = out[::2]
print("stride 2:", stride2, stride2.shape)
