"""Standardise a small feature matrix column by column (z-scores)."""
import numpy as np

# 6 samples, 3 features: height (cm), weight (kg), age (years)
X = np.array([
    [170.0, 65.0, 30],
    [160.0, 55.0, 25],
    [180.0, 80.0, 35],
    [175.0, 72.0, 40],
    [165.0, 60.0, 22],
    [172.0, 68.0, 28],
])
print("X shape:", X.shape, "dtype:", X.dtype)

mean = X.mean(axis=0)
std = X.std(axis=0)
print("column means:", mean)
print("column stds: ", std)

Z = (X - mean) / std
print("standardised:")
print(Z)
print("means after:", np.round(Z.mean(axis=0), 10))
print("stds after: ", Z.std(axis=0))

# min-max scaling to [0, 1]
lo, hi = X.min(axis=0), X.max(axis=0)
S = (X - lo) / (hi - lo)
print("min-max scaled:\n", S)
print("row sums:", S.sum(axis=1))
