import numpy as np

A = np.arange(6).reshape(2, 3)
B = np.arange(12).reshape(3, 4)
print(np.einsum("ij,jk->ik", A, B))
print(np.einsum("ij->ji", A))
print(np.einsum("ij->", A), np.einsum("ij->j", A))
v = np.array([1, 2, 3])
print(np.einsum("i,i->", v, v), np.einsum("i,j->ij", v, v))
batch = np.arange(24).reshape(2, 3, 4)
print(np.einsum("bij,bjk->bik", batch, batch.transpose(0, 2, 1)).shape)
print(np.outer(v, v), np.inner(v, v))
