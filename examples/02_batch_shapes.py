# 02 · Batch shapes: the first axis is the batch.
import numpy as np

batch_size = 32
X = np.random.randn(batch_size, 784)   # 32 flattened 28x28 images
y = np.random.randint(0, 10, size=batch_size)

images = X.reshape(batch_size, 28, 28)  # back to 2-D images
first = images[0]                       # one image: (28, 28)
pixel_means = X.mean(axis=0)            # per-pixel mean over the batch: (784,)
sample_means = X.mean(axis=1)           # per-sample mean: (32,)
channels = images[:, None, :, :]        # add a channel axis: (32, 1, 28, 28)

print(images.shape, channels.shape)
