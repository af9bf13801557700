import numpy as np


class ArrayDataset:
    def __init__(self, X, y):
        if len(X) != len(y):
            raise ValueError(f"X has {len(X)} rows but y has {len(y)}")
        self.X = X
        self.y = y

    def __len__(self):
        return len(self.X)

    def __getitem__(self, idx):
        return self.X[idx], self.y[idx]

    def __repr__(self):
        return f"ArrayDataset(n={len(self)}, features={self.X.shape[1]})"


class DataLoader:
    def __init__(self, dataset, batch_size, drop_last=False):
        self.dataset = dataset
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        n = len(self.dataset)
        for start in range(0, n, self.batch_size):
            end = start + self.batch_size
            if end > n and self.drop_last:
                return
            yield self.dataset[start:end]

    def __len__(self):
        n = len(self.dataset)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)


X = np.arange(30, dtype=float).reshape(10, 3)
y = np.arange(10) % 2
ds = ArrayDataset(X, y)
print(ds, len(ds))
x0, y0 = ds[0]
print(x0, y0)
for drop in (False, True):
    loader = DataLoader(ds, batch_size=4, drop_last=drop)
    print("drop_last =", drop, "batches:", len(loader))
    for xb, yb in loader:
        print("  ", xb.shape, yb.tolist(), xb[:, 0])
try:
    ArrayDataset(X, y[:5])
except ValueError as e:
    print("error:", e)
