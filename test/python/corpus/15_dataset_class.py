import numpy as np


class ArrayDataset:
    """Minimal Dataset: indexable, sized, with an optional transform."""

    def __init__(self, X, y, transform=None):
        assert len(X) == len(y), f"{len(X)} != {len(y)}"
        self.X = X
        self.y = y
        self.transform = transform

    def __len__(self):
        return len(self.X)

    def __getitem__(self, idx):
        x = self.X[idx]
        if self.transform is not None:
            x = self.transform(x)
        return x, self.y[idx]

    def __repr__(self):
        return f"ArrayDataset(n={len(self)}, x_shape={self.X.shape[1:]})"

    @property
    def num_classes(self):
        return int(self.y.max()) + 1

    @classmethod
    def random(cls, n, d, k=3):
        return cls(np.random.randn(n, d), np.random.randint(0, k, n))


ds = ArrayDataset.random(100, 5)
print(ds, len(ds), ds.num_classes)
x0, y0 = ds[0]
print(x0.shape, y0)
sub = ds[10:20]
print(sub[0].shape)
