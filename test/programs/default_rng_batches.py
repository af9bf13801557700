import numpy as np

rng = np.random.default_rng(2024)
X = np.arange(20).reshape(10, 2)
perm = rng.permutation(len(X))
print("permutation:", perm)
shuffled = X[perm]
for i in range(0, len(X), 4):
    batch = shuffled[i:i + 4]
    print(f"batch {i // 4}: {batch[:, 0].tolist()}")
noise = rng.normal(0.0, 0.1, size=(2, 3))
print(noise)
print(rng.integers(0, 10, size=5), rng.uniform(size=2))
