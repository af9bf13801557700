import numpy as np

X = np.zeros((128, 28, 28))
n, h, w = X.shape
print(f"{n} images of {h}x{w}")
batch, *spatial = X.shape
print(batch, spatial)
*lead, last = X.shape
print(lead, last)
rows, cols = X[0].shape
print(rows * cols)
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
for i, (num, letter) in enumerate(pairs):
    print(i, num, letter)
(a, b), c = (1, 2), 3
print(a, b, c)
first, second, *rest = range(6)
print(first, second, rest)
shape = X.reshape(n, -1).shape
print(shape, type(shape).__name__, shape[1])
