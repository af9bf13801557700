import numpy as np

rows = [np.zeros(3), np.ones(3), np.arange(3)]
M = np.stack(rows)  # expect: (3, 3)
V = np.vstack([np.zeros(4), np.ones(4)])  # expect: (2, 4)
H = np.hstack([np.zeros(4), np.ones(2)])  # expect: (6,)
S = np.stack([np.zeros((2, 2)), np.ones((2, 2))], axis=2)  # expect: (2, 2, 2)
