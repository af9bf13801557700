import numpy as np

logits = np.random.randn(8, 10)
shifted = logits - logits.max(axis=1, keepdims=True)  # expect: (8, 10)
exp = np.exp(shifted)  # expect: (8, 10)
probs = exp / exp.sum(axis=1, keepdims=True)  # expect: (8, 10)
pred = probs.argmax(axis=1)  # expect: (8,) int64
