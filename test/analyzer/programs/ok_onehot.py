import numpy as np

labels = np.array([0, 2, 1, 2, 0])  # expect: (5,) int64
onehot = np.eye(3)[labels]  # expect: (5, 3) float64
counts = onehot.sum(axis=0)  # expect: (3,) float64
