import numpy as np

scores = np.array([[0.1, 0.9], [0.8, 0.2], [0.4, 0.6]])
labels = [1, 0, 2]
for i, label in enumerate(labels):
    print(f"sample {i}: p(correct) = {scores[i, label]:.2f}")
