"""Load a CSV of measurements, clean it and split it into train/test sets."""
import numpy as np

np.random.seed(0)

raw = np.genfromtxt("iris.csv", delimiter=",", skip_header=1)
print("raw shape:", raw.shape)

# Drop rows with missing values
mask = ~np.isnan(raw).any(axis=1)
data = raw[mask]
X = data[:, :-1]
y = data[:, -1].astype(int)

n = X.shape[0]
perm = np.random.permutation(n)
split = int(0.8 * n)
train_idx, test_idx = perm[:split], perm[split:]

X_train, X_test = X[train_idx], X[test_idx]
y_train, y_test = y[train_idx], y[test_idx]

print(f"train: {X_train.shape}, test: {X_test.shape}")
assert X_train.shape[0] + X_test.shape[0] == n, "split lost rows"

classes, counts = np.unique(y_train, return_counts=True)
for c, k in zip(classes, counts):
    print(f"class {c}: {k} samples ({k / len(y_train):.1%})")
