import numpy as np

s = np.stack([np.zeros(3), np.zeros(4)])  # error: shape-concat
