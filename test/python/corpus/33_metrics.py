import numpy as np


def confusion_matrix(y_true, y_pred, k):
    cm = np.zeros((k, k), dtype=int)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def precision_recall_f1(cm):
    tp = np.diag(cm).astype(float)
    precision = tp / np.maximum(cm.sum(axis=0), 1)
    recall = tp / np.maximum(cm.sum(axis=1), 1)
    denom = precision + recall
    f1 = np.divide(2 * precision * recall, denom, out=np.zeros_like(denom), where=denom > 0)
    return precision, recall, f1


y_true = np.array([0, 1, 2, 2, 1, 0, 1, 2])
y_pred = np.array([0, 2, 2, 2, 1, 0, 0, 1])
cm = confusion_matrix(y_true, y_pred, 3)
print(cm)
p, r, f = precision_recall_f1(cm)
for cls, (pi, ri, fi) in enumerate(zip(p, r, f)):
    print(f"class {cls}: P={pi:.2f} R={ri:.2f} F1={fi:.2f}")
accuracy = np.trace(cm) / cm.sum()
print(f"accuracy {accuracy:.3f}, macro-F1 {f.mean():.3f}")
