# 06 · One-hot encoding with np.eye: a row of the identity per label.
import numpy as np

n_classes = 4
labels = np.array([0, 2, 1, 3, 2])
one_hot = np.eye(n_classes)[labels]          # (5,) labels -> (5, 4)
back = one_hot.argmax(axis=1)                # (5,): the labels again

scores = np.random.randn(5, n_classes)
correct = scores[np.arange(5), labels]       # fancy indexing: one score per row -> (5,)

print(one_hot)
print(back)
