# Seeded random ops a learner reaches for: normal init, dropout masks, bernoulli, *_like,
# in-place uniform_/normal_, and float reductions over them.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
w = torch.empty(3, 5)
w.normal_(0.0, 0.02)
print(w)
print(w.sum().item(), w.mean().item())

b = torch.empty(2, 8).uniform_(-0.1, 0.1)
print(b)
print(b.sum(dim=1))

x = torch.randn(4, 20)
print(x.mean(dim=0))
print(x.sum(dim=1, keepdim=True))
print(x.T.sum().item())

drop = nn.Dropout(p=0.25)
drop.train()
print(drop(torch.ones(2, 10)))
print(F.dropout(torch.arange(12.).reshape(3, 4), p=0.5))

probs = torch.rand(3, 4)
print(torch.bernoulli(probs))
print(torch.empty(6).bernoulli_(0.3))

print(torch.normal(2.0, 3.0, size=(2, 12)))
print(torch.normal(0.0, 1.0, size=(5,)))
print(torch.rand_like(probs))
print(torch.randn_like(torch.zeros(17)))
print(torch.randint_like(torch.zeros(2, 3), 10))
print(torch.randint_like(torch.zeros(4), 5, 8))

big = torch.randn(300, 200)
print(big.sum().item(), big.mean().item())
print(big.sum(dim=0)[:5])
print(big[:, ::3].mean(dim=1)[:5])
print(torch.randn(64, 784).std().item())

weights = torch.tensor([0.1, 0.0, 0.6, 0.3])
print(torch.multinomial(weights, 2))
print(torch.multinomial(weights, 8, replacement=True))
print(weights.multinomial(4))
print(torch.multinomial(torch.rand(3, 5), 1))
