import math
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


X = np.array([[0.5, 1.0], [1.5, 2.0], [3.0, 3.5], [4.0, 5.0], [1.0, 0.5], [3.5, 4.5]])
y = np.array([0, 0, 1, 1, 0, 1])
w = np.zeros(2)
b = 0.0
lr = 0.1
history = []
for step in range(300):
    p = sigmoid(X @ w + b)
    loss = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
    grad_w = X.T @ (p - y) / len(y)
    grad_b = (p - y).mean()
    w = w - lr * grad_w
    b = b - lr * grad_b
    history.append(float(loss))
    if step % 60 == 0:
        print("step", step, "loss", round(float(loss), 5))

print("weights:", w, "bias:", round(b, 5))
preds = (sigmoid(X @ w + b) > 0.5).astype(int)
print("predictions:", preds, "accuracy:", (preds == y).mean())
print("loss decreased:", history[0] > history[-1], math.isclose(history[-1], history[-1]))
