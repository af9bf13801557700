# 07 · Mini-batches: slicing X[i:i+bs] and stacking results.
import numpy as np

X = np.random.randn(100, 3)
y = np.random.randn(100)
bs = 16

batch = X[0:bs]                              # (16, 3)
targets = y[0:bs]                            # (16,)
perm = np.random.permutation(100)
shuffled = X[perm]                           # (100, 3)

losses = []
for i in range(0, 100, bs):
    xb = X[i:i + bs]                         # the last batch is smaller: a symbolic length
    losses.append(float((xb ** 2).mean()))

stacked = np.stack([X[:10], X[10:20]])       # (2, 10, 3)
joined = np.concatenate([X[:10], X[10:20]])  # (20, 3)
print(len(losses), stacked.shape, joined.shape)
