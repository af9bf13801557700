# 09 · Deliberate shape bugs. Each line below is flagged before you run it;
# hover the squiggle for NumPy's exact error and where each shape came from,
# and try the quick fix (Ctrl+.) where Shape Lens offers one.
import numpy as np

X = np.random.randn(32, 784)
W = np.random.randn(10, 784)

logits = X @ W                               # bug: (32, 784) @ (10, 784) — transpose W

b = np.zeros(32)
out = X + b                                  # bug: (32, 784) + (32,) — b should be a column

m = X.mean(axis=1)
centered = X - m                             # bug: (32, 784) - (32,) — keepdims=True

img = np.zeros((28, 28))
flat = img.reshape(1, 785)                   # bug: 784 values cannot become 785

total = X.sum(axis=2)                        # bug: X has only 2 axes
