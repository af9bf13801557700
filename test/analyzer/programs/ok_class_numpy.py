import numpy as np

class Dense:
    def __init__(self, n_in, n_out):
        self.W = np.random.randn(n_in, n_out) * 0.1
        self.b = np.zeros(n_out)

    def __call__(self, x):
        return x @ self.W + self.b

layer = Dense(4, 3)
out = layer(np.ones((10, 4)))  # expect: (10, 3)
