import numpy as np


def naive_softmax(z):
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def stable_softmax(z, axis=-1):
    shifted = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def logsumexp(z, axis=-1):
    m = z.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(z - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def cross_entropy(logits, targets):
    log_probs = logits - logsumexp(logits)[:, None]
    return -log_probs[np.arange(len(targets)), targets].mean()


z = np.array([[1000.0, 1001.0, 1002.0], [-1e3, 0.0, 1e3]])
with np.errstate(over="ignore", invalid="ignore"):
    print(naive_softmax(z))
print(stable_softmax(z).round(4))
print(cross_entropy(z, np.array([2, 1])))
print(np.finfo(np.float32).max, np.float32(1e39), 1e308 * 10, -1e308 * 10)
