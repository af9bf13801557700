import numpy as np

images = np.zeros((10, 28, 28))
flat = images.reshape(10, -1)
print(flat.shape)
batch = images.reshape(32, 784)
