import numpy as np

v = np.arange(5)
c = v[:, np.newaxis]  # expect: (5, 1)
r = v[None, :]  # expect: (1, 5)
outer = c * r  # expect: (5, 5)
e = np.expand_dims(v, 0)  # expect: (1, 5)
s = np.squeeze(e)  # expect: (5,)
