import numpy as np

logits = np.random.randn(8, 10)
probs = np.exp(logits) / np.exp(logits).sum(axis=1)  # error: shape-broadcast  # fix: np.exp(logits).sum(axis=1, keepdims=True)
