import numpy as np

# evaluate f(x, y) = x^2 + y^2 on a grid and find where it is smallest
xs = np.linspace(-1, 1, 5)
ys = np.linspace(-2, 2, 3)
X, Y = np.meshgrid(xs, ys)
print("X shape", X.shape, "Y shape", Y.shape)
Z = X ** 2 + Y ** 2
print(Z)
i, j = np.unravel_index(np.argmin(Z), Z.shape)
print("min at x =", X[i, j], "y =", Y[i, j])

# 'ij' indexing puts the first input along rows
I, J = np.meshgrid(np.arange(3), np.arange(4), indexing="ij")
print(I.shape, J.shape)
print(I + 10 * J)

# grid of points as an (N, 2) array, e.g. to classify each point
pts = np.stack([X.ravel(), Y.ravel()], axis=1)
print("points:", pts.shape)
inside = (pts ** 2).sum(axis=1) <= 1
print("inside unit circle:", np.count_nonzero(inside), "of", len(pts))
print(np.argwhere(inside.reshape(X.shape)))

# sparse grids broadcast instead of copying
sx, sy = np.meshgrid(xs, ys, sparse=True)
print(sx.shape, sy.shape, (sx + sy).shape)
