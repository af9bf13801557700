import numpy as np

x = np.ones(5)
i = 0
while i < 10:
    x = x * 0.5  # expect: (5,)
    i += 1
y = x.reshape(5, 1)  # expect: (5, 1)
