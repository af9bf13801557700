import numpy as np

labels = np.array([2, 0, 1, 2, 2, 0, 3, 2, 1, 0])
counts = np.bincount(labels)
print("counts:", counts, counts.dtype)
print("with minlength:", np.bincount(labels, minlength=6))
freq = counts / counts.sum()
print("frequencies:", freq)

# inverse-frequency class weights, as used for imbalanced losses
weights = len(labels) / (len(counts) * counts)
print("class weights:", weights.round(3))
sample_w = weights[labels]
print("per-sample weights:", sample_w.round(3))

# per-class sum of a score with weights=
scores = np.array([0.9, 0.2, 0.4, 0.8, 0.7, 0.1, 0.5, 0.6, 0.3, 0.3])
per_class = np.bincount(labels, weights=scores)
print("mean score per class:", (per_class / counts).round(3))

# confusion matrix through bincount of a combined index
pred = np.array([2, 0, 2, 2, 1, 0, 3, 1, 1, 0])
n = 4
cm = np.bincount(n * labels + pred, minlength=n * n).reshape(n, n)
print(cm)
print("accuracy:", np.trace(cm) / cm.sum())
print("weighted average accuracy:", np.average(np.diag(cm) / cm.sum(axis=1), weights=counts))

# bincount refuses negative labels, e.g. -1 for "unlabelled"
np.bincount(np.array([0, 1, -1]))
