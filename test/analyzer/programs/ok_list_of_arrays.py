import numpy as np

batches = [np.zeros((16, 4)) for _ in range(5)]
allb = np.concatenate(batches, axis=0)
first = batches[0]  # expect: (16, 4)
total = sum(b.sum() for b in batches)
