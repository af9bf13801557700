import numpy as np

a = np.ones((4, 1, 5))  # expect: (4, 1, 5)
b = np.ones((3, 1))  # expect: (3, 1)
c = a + b  # expect: (4, 3, 5)
d = np.zeros((2, 3)) + np.arange(3)  # expect: (2, 3)
e = np.zeros((2, 3)) * np.arange(2)[:, None]  # expect: (2, 3)
f = np.ones((1,)) + np.ones((7, 6))  # expect: (7, 6)
g = c[:, :, 0] * 2.5  # expect: (4, 3)
