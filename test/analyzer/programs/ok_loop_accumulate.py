import numpy as np

total = np.zeros(10)
for k in range(5):
    total = total + np.ones(10) * k  # expect: (10,)
W = np.zeros((10, 10))
for step in range(3):
    W = W - 0.1 * np.ones((10, 10))
res = W @ total  # expect: (10,)
