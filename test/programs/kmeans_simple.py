import numpy as np

points = np.array([
    [1.0, 1.0], [1.5, 2.0], [1.2, 0.8],
    [8.0, 8.0], [8.5, 9.0], [7.5, 8.2],
    [1.0, 9.0], [1.5, 8.5],
])
centroids = points[[0, 3, 6]].copy()
print("initial centroids:\n", centroids)

for it in range(5):
    # (8, 1, 2) - (1, 3, 2) -> (8, 3, 2)
    d = np.sqrt(((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2))
    assign = d.argmin(axis=1)
    new = np.array([points[assign == k].mean(axis=0) for k in range(3)])
    shift = np.abs(new - centroids).max()
    centroids = new
    print(f"iter {it}: assignments {assign.tolist()} shift {shift:.4f}")
    if shift < 1e-9:
        print("converged")
        break

print("final centroids:")
print(centroids)
print("cluster sizes:", np.bincount(assign))
