# 03 · W @ x: a linear layer by hand. Inner dimensions must agree.
# Hover the @ to see which dims are matched.
import numpy as np

n_in, n_out = 4, 3
W = np.random.randn(n_out, n_in)    # (3, 4)
x = np.random.randn(n_in)           # one input vector: (4,)
b = np.zeros(n_out)

h = W @ x + b                       # (3, 4) @ (4,) -> (3,)

X = np.random.randn(8, n_in)        # a batch of 8 inputs
H = X @ W.T + b                     # (8, 4) @ (4, 3) -> (8, 3)

print(h.shape, H.shape)
