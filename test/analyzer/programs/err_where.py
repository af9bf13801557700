import numpy as np

a = np.zeros((3, 4))
b = np.zeros((3,))
c = np.where(a > 0, a, b)  # error: shape-broadcast
