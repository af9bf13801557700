import numpy as np

batch = np.ones((16, 10))
per_sample = batch.sum(axis=1)
print(per_sample.shape)
totals = per_sample.sum(axis=1)
