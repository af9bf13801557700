import numpy as np


def loss_fn(w, x, y):
    pred = x @ w
    return ((pred - y) ** 2).mean()


def analytic_grad(w, x, y):
    return 2 * x.T @ (x @ w - y) / len(y)


x = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]])
y = np.array([1.0, 2.0, 4.0])
w = np.array([0.3, -0.2])
g = analytic_grad(w, x, y)
num = np.zeros_like(w)
h = 1e-6
for i in range(len(w)):
    e = np.zeros_like(w)
    e[i] = h
    num[i] = (loss_fn(w + e, x, y) - loss_fn(w - e, x, y)) / (2 * h)
print("analytic:", g)
print("numeric: ", num.round(6))
rel = np.abs(g - num).max() / np.abs(g).max()
print("relative error small:", rel < 1e-6)
