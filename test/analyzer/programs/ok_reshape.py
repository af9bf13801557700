import numpy as np

imgs = np.zeros((32, 28, 28))  # expect: (32, 28, 28)
flat = imgs.reshape(32, -1)  # expect: (32, 784)
flat2 = imgs.reshape((imgs.shape[0], -1))  # expect: (32, 784)
back = flat.reshape(-1, 28, 28)  # expect: (32, 28, 28)
t = imgs.transpose(1, 2, 0)  # expect: (28, 28, 32)
