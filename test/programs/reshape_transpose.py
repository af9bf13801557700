import numpy as np

batch = np.arange(2 * 3 * 4).reshape(2, 3, 4)
print("batch:", batch.shape)
print(batch)
flat = batch.reshape(batch.shape[0], -1)
print("flattened per sample:", flat.shape)
print(flat)
swapped = batch.transpose(0, 2, 1)
print("transposed:", swapped.shape)
print(swapped[1])
print("T of 3-d:", batch.T.shape, batch.T[0, 0])
print(np.moveaxis(batch, -1, 0).shape, np.swapaxes(batch, 0, 2).shape)
col = np.arange(4).reshape(-1, 1)
row = np.arange(3)[np.newaxis, :]
print(col.shape, row.shape, (col * 10 + row).shape)
print(col * 10 + row)
sq = np.expand_dims(np.arange(3), axis=(0, 2))
print(sq.shape, np.squeeze(sq).shape, sq.ravel())
