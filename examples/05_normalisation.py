# 05 · Normalisation: statistics over the batch axis, broadcast back.
import numpy as np

X = np.random.rand(100, 5) * 10 + 3          # 100 samples, 5 features

mu = X.mean(axis=0)                          # (5,): one mean per feature
sigma = X.std(axis=0)                        # (5,)
X_norm = (X - mu) / (sigma + 1e-8)           # (100, 5) - (5,) -> (100, 5)

# per-sample normalisation needs keepdims=True (or [:, None]) to broadcast
row_mu = X.mean(axis=1, keepdims=True)       # (100, 1)
X_rows = X - row_mu                          # (100, 5)

print(X_norm.mean(axis=0).round(6), X_norm.std(axis=0).round(6))
