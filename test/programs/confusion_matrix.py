import numpy as np

y_true = np.array([0, 1, 2, 2, 1, 0, 1, 2, 0, 1])
y_pred = np.array([0, 2, 2, 2, 1, 0, 0, 2, 1, 1])
k = 3
cm = np.zeros((k, k), dtype=int)
for t, p in zip(y_true, y_pred):
    cm[t, p] += 1
print("confusion matrix:")
print(cm)

header = "class  precision  recall  f1"
print(header)
print("-" * len(header))
for c in range(k):
    tp = cm[c, c]
    precision = tp / cm[:, c].sum()
    recall = tp / cm[c, :].sum()
    f1 = 2 * precision * recall / (precision + recall)
    print(f"{c:>5}  {precision:>9.3f}  {recall:>6.3f}  {f1:.3f}")
acc = np.trace(cm) / cm.sum()
print(f"accuracy: {acc:.2%}")
