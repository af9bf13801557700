import numpy as np

# an operand the analyzer cannot follow may be an array of any shape: no shape is claimed
rng = np.random.default_rng(0)
X = np.asarray(rng.standard_normal((512, 784)).tolist())  # through a list of unknown length
W = np.random.randn(784, 64) * 0.01
b = np.zeros(64)
h = np.maximum(X @ W + b, 0)  # expect: (?)
s = X[:, :64] + b  # expect: (?)
c = b + [[1.0], [2.0]]  # expect: (?)
k = b * 2  # expect: (64,)
