import numpy as np

probs = np.full((4, 3), 1 / 3)
labels = np.array([0, 1, 2, 1])
picked = probs[np.arange(4), labels]  # expect: (4,)
loss = -np.log(picked).mean()
onehot = np.eye(3)[labels]  # expect: (4, 3)
grad = (probs - onehot) / 4  # expect: (4, 3)
