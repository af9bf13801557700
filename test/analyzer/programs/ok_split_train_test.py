import numpy as np

data = np.random.randn(100, 6)
X = data[:, :-1]  # expect: (100, 5)
y = data[:, -1]  # expect: (100,)
n_train = 80
X_train, X_test = X[:n_train], X[n_train:]
y_train = y[:n_train]  # expect: (80,)
Xt = X_train  # expect: (80, 5)
Xs = X_test  # expect: (20, 5)
