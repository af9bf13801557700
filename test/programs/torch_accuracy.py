# Classification accuracy from logits: argmax, comparison, mean, per-class counts.
import torch

logits = torch.tensor([
    [2.0, 0.1, -1.0],
    [0.3, 1.5, 0.2],
    [0.1, 0.2, 3.0],
    [1.2, 1.1, 0.0],
    [-0.5, 2.5, 0.4],
    [0.0, 0.3, 0.2],
])
labels = torch.tensor([0, 1, 2, 1, 1, 2])

preds = logits.argmax(dim=1)
print("preds:", preds)
correct = preds == labels
print(correct)
print("correct:", correct.sum().item(), "of", len(labels))
print("accuracy:", correct.float().mean().item())
acc = (preds == labels).sum().item() / labels.size(0)
print(f"accuracy: {acc:.2%}")

for k in range(3):
    mask = labels == k
    n = int(mask.sum())
    hits = int((preds[mask] == k).sum())
    print(f"class {k}: {hits}/{n}")

values, indices = logits.max(dim=1)
print(values)
print(indices)
print(logits.max(dim=1))
print(torch.argmax(logits), logits.argmax(dim=0))
confusion = torch.zeros(3, 3, dtype=torch.long)
for t, p in zip(labels.tolist(), preds.tolist()):
    confusion[t, p] += 1
print(confusion)
