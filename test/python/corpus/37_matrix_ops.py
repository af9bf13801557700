import numpy as np

A = np.random.randn(4, 3)
B = np.random.randn(3, 5)
v = np.random.randn(3)

C = A @ B
Av = A @ v
vB = v @ B
inner = v @ v
batch = np.random.randn(10, 4, 3) @ np.random.randn(10, 3, 2)
print(C.shape, Av.shape, vB.shape, inner.shape, batch.shape)

G = A.T @ A
G_inv = np.linalg.inv(G + 1e-3 * np.eye(3))
sol = np.linalg.solve(G, A.T @ np.ones(4))
det = np.linalg.det(G)
ein = np.einsum("ij,jk->ik", A, B)
trace = np.einsum("ii", G)
outer = np.einsum("i,j->ij", v, v)
print(np.allclose(C, ein), trace, outer.shape, det > 0, sol.shape, G_inv.shape)

M = np.eye(3)
M @= G
M = M.dot(G).T
kron = np.kron(np.eye(2), np.ones((2, 2)))
print(M.shape, kron)
