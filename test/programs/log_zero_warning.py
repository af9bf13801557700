import numpy as np

probs = np.array([0.7, 0.2, 0.1, 0.0])
targets = np.array([1.0, 0.0, 0.0, 0.0])
nll = -np.log(probs)
print("neg log:", nll)
print("loss:", (targets * nll).sum())
print("weighted (0 * inf):", targets * nll)
eps = 1e-12
print("clipped loss:", -(targets * np.log(np.clip(probs, eps, 1.0))).sum())
ratios = probs / probs[::-1]
print("ratios:", ratios)
with np.errstate(divide="ignore"):
    print("quiet:", np.log(probs))
