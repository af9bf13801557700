"""Forward pass written with broadcasting and sums instead of matmul."""
import numpy as np

X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])   # (3, 2)
W = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])     # (2, 3)
b = np.array([0.01, 0.02, 0.03])

# (3, 2, 1) * (1, 2, 3) -> (3, 2, 3), summed over the middle axis
out = (X[:, :, None] * W[None, :, :]).sum(axis=1) + b
print(out)
print(out.shape)
print("same as matmul:", np.allclose(out, X @ W + b))

tanh = np.tanh(out)
print(np.round(tanh, 4))
grad = 1 - tanh ** 2
print("mean grad per unit:", grad.mean(axis=0))
