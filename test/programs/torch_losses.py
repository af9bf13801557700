# The loss modules learners use, on fixed predictions: MSE, cross-entropy, NLL.
import torch
import torch.nn as nn
import torch.nn.functional as F

pred = torch.tensor([2.5, 0.0, 2.0, 8.0])
target = torch.tensor([3.0, -0.5, 2.0, 7.0])
mse = nn.MSELoss()
print(mse)
print(mse(pred, target))
print(nn.MSELoss(reduction="sum")(pred, target))
print(((pred - target) ** 2).mean())
print(F.mse_loss(pred, target))

logits = torch.tensor([[1.0, 2.0, 0.5], [0.1, 0.1, 3.0], [2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])
labels = torch.tensor([1, 2, 0, 1])
ce = nn.CrossEntropyLoss()
print(ce)
loss = ce(logits, labels)
print(loss)
print(f"{loss.item():.6f}")
print(nn.CrossEntropyLoss(reduction="none")(logits, labels))
print(nn.NLLLoss()(F.log_softmax(logits, dim=1), labels))
print(nn.CrossEntropyLoss(ignore_index=1)(logits, labels))
print(ce(logits, labels).shape, ce(logits, labels).dtype)
losses = []
for i in range(0, 4, 2):
    losses.append(ce(logits[i:i + 2], labels[i:i + 2]).item())
print([round(l, 4) for l in losses])
