import numpy as np

image = np.zeros((32, 32, 3))
h, w = image.shape[:2]
print(h, w)
h, w = image.shape
