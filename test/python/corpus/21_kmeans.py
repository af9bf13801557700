import numpy as np


def kmeans(X, k, iters=100, seed=0):
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(len(X), size=k, replace=False)]
    for i in range(iters):
        d2 = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        assign = d2.argmin(axis=1)
        new = np.array([X[assign == j].mean(axis=0) if np.any(assign == j) else centroids[j]
                        for j in range(k)])
        if np.allclose(new, centroids):
            break
        centroids = new
    inertia = d2[np.arange(len(X)), assign].sum()
    return centroids, assign, inertia


blobs = np.concatenate([np.random.randn(50, 2) + c for c in ([0, 0], [5, 5], [0, 5])])
C, labels, inertia = kmeans(blobs, 3)
print(C.round(2), np.bincount(labels), f"{inertia:.1f}")
