import numpy as np

A = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0]])
B = np.array([[1.0, 1.0], [3.0, 4.0]])
diff = A[:, None, :] - B[None, :, :]
print("diff shape:", diff.shape)
D = np.sqrt((diff ** 2).sum(axis=-1))
print(D)
sq = (A ** 2).sum(1)[:, None] + (B ** 2).sum(1)[None, :] - 2 * A @ B.T
print(np.sqrt(np.maximum(sq, 0)))
print("nearest B for each A:", D.argmin(axis=1))
cos = (A @ B.T) / (np.linalg.norm(A, axis=1)[:, None] * np.linalg.norm(B, axis=1)[None, :] + 1e-12)
print(cos.round(4))
