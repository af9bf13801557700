"""A two-layer MLP forward pass with matmul, ReLU and softmax."""
import numpy as np


def relu(z):
    return np.maximum(z, 0)


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy(probs, labels):
    n = probs.shape[0]
    return -np.log(probs[np.arange(n), labels]).mean()


X = np.linspace(-1, 1, 12).reshape(4, 3)
W1 = np.linspace(-0.5, 0.5, 15).reshape(3, 5)
b1 = np.full(5, 0.1)
W2 = np.linspace(0.3, -0.3, 10).reshape(5, 2)
b2 = np.array([0.05, -0.05])

h = relu(X @ W1 + b1)
print("hidden:", h.shape)
print(h)
logits = h @ W2 + b2
print("logits:\n", logits)
probs = softmax(logits)
print("probs:\n", probs)
print("row sums:", probs.sum(axis=1))
labels = np.array([0, 1, 1, 0])
loss = cross_entropy(probs, labels)
print(f"loss = {loss:.6f}")
print("predictions:", probs.argmax(axis=1), "accuracy:", (probs.argmax(axis=1) == labels).mean())
