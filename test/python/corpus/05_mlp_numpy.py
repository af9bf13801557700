import numpy as np

rng = np.random.default_rng(42)

def relu(z):
    return np.maximum(0, z)

def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)

W1 = rng.normal(0, 0.01, size=(784, 128))
b1 = np.zeros(128)
W2 = rng.normal(0, 0.01, size=(128, 10))
b2 = np.zeros(10)

def forward(X):
    h = relu(X @ W1 + b1)
    logits = h @ W2 + b2
    return softmax(logits), h

X = rng.random((32, 784))
probs, hidden = forward(X)
print(probs.shape, hidden.shape)
print("row sums:", probs.sum(axis=1)[:3])

# A classic shape bug: W @ x with x as a row-major batch
x = X[0]
out = W1.T @ x + b1
print(out.shape)
