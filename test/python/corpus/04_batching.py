import numpy as np

X = np.random.rand(1000, 784)
y = np.random.randint(0, 10, size=1000)
batch_size = 64

def batches(X, y, bs, shuffle=True):
    idx = np.arange(len(X))
    if shuffle:
        np.random.shuffle(idx)
    for start in range(0, len(X), bs):
        sel = idx[start:start + bs]
        yield X[sel], y[sel]

n_batches = 0
for i in range(0, X.shape[0], batch_size):
    xb = X[i:i + batch_size]
    yb = y[i:i+batch_size]
    n_batches += 1
    if xb.shape[0] < batch_size:
        print("last batch is short:", xb.shape)
print(n_batches, "batches")

for epoch in range(3):
    total = 0
    for xb, yb in batches(X, y, batch_size):
        total += xb.shape[0]
    else:
        print(f"epoch {epoch}: saw {total} samples")
