import numpy as np

N, D = 23, 4
X = np.arange(N * D, dtype=np.float64).reshape(N, D) / 10
y = np.arange(N) % 3
batch_size = 5

num_batches = 0
for i in range(0, N, batch_size):
    xb = X[i:i + batch_size]
    yb = y[i:i + batch_size]
    num_batches += 1
    print(f"batch {num_batches}: rows {i}-{i + len(xb) - 1}, x {xb.shape}, y {yb.shape}, mean {xb.mean():.3f}")

print("total batches:", num_batches, "expected:", (N + batch_size - 1) // batch_size)
last = X[20:25]
print("last batch:\n", last)
print("sum of labels per batch:", [int(y[i:i + batch_size].sum()) for i in range(0, N, batch_size)])
