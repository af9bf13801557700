import numpy as np

p = np.zeros((5, 3))
pred = p.argmax(axis=-3)  # error: shape-axis
