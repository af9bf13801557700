import numpy as np

X = np.random.randn(500, 10) @ np.random.randn(10, 10)
Xc = X - X.mean(0)

# Via the covariance matrix
cov = Xc.T @ Xc / (len(Xc) - 1)
eigvals, eigvecs = np.linalg.eigh(cov)
order = np.argsort(eigvals)[::-1]
eigvals, eigvecs = eigvals[order], eigvecs[:, order]

# Via SVD
U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
explained = S ** 2 / np.sum(S ** 2)
k = int(np.searchsorted(np.cumsum(explained), 0.95)) + 1
Z = Xc @ Vt[:k].T
X_rec = Z @ Vt[:k] + X.mean(0)
print(f"{k} components explain {np.cumsum(explained)[k - 1]:.2%}")
print("reconstruction error:", np.abs(X - X_rec).max())
print(np.allclose(np.abs(eigvecs[:, 0]), np.abs(Vt[0])))
