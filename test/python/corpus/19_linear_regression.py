import numpy as np

rng = np.random.default_rng(1)
n, d = 200, 3
X = rng.normal(size=(n, d))
true_w = np.array([2.0, -1.0, 0.5])
y = X @ true_w + 0.3 + rng.normal(scale=0.1, size=n)

w = np.zeros(d)
b = 0.0
lr = 0.1
losses = []
for it in range(500):
    pred = X @ w + b
    err = pred - y
    loss = (err ** 2).mean()
    grad_w = 2 * X.T @ err / n
    grad_b = 2 * err.mean()
    w -= lr * grad_w
    b -= lr * grad_b
    losses.append(loss)
    if it > 10 and abs(losses[-2] - losses[-1]) < 1e-10:
        print("converged at", it)
        break

print("w =", w.round(3), "b =", round(b, 3))
Xb = np.hstack([X, np.ones((n, 1))])
w_closed, *_ = np.linalg.lstsq(Xb, y, rcond=None)
print("closed form:", w_closed.round(3))
