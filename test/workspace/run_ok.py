import numpy as np

a = np.arange(6).reshape(2, 3)
print(a.sum(axis=0))
b = a * 2
print(b.shape)
