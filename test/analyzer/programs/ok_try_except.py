import numpy as np

try:
    a = np.zeros((3, 3))
    b = a @ np.ones(3)  # expect: (3,)
except ValueError as e:
    b = np.zeros(3)
c = b + 1  # expect: (3,)
