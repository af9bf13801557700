import numpy as np

features = np.random.default_rng(0).normal(size=(8, 5)).round(2)
weights = np.ones(4)
print("features:", features.shape)
print("weights:", weights.shape)
scores = features * weights
print(scores)
