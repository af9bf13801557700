# Softmax, log-softmax and cross-entropy by hand and with torch.nn.functional.
import torch
import torch.nn.functional as F

scores = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0], [-2.0, 0.0, 5.0]])
probs = F.softmax(scores, dim=1)
print(probs)
print(probs.sum(dim=1))

manual = torch.exp(scores) / torch.exp(scores).sum(dim=1, keepdim=True)
print(torch.allclose(manual, probs))

shifted = scores - scores.max(dim=1, keepdim=True).values
print(shifted)
print(F.log_softmax(scores, dim=1))
print(torch.log(probs))

targets = torch.tensor([2, 0, 2])
nll = -F.log_softmax(scores, dim=1)[torch.arange(3), targets]
print(nll)
print(nll.mean(), F.cross_entropy(scores, targets))
print(F.cross_entropy(scores, targets, reduction="none"))
print(F.cross_entropy(scores, targets, reduction="sum"))
print(F.nll_loss(F.log_softmax(scores, dim=1), targets))
print(scores.softmax(dim=0))
print(F.softmax(torch.tensor([1000.0, 1000.0]), dim=0))
print(torch.softmax(scores, dim=-1).argmax(dim=-1))
