# Combining tensors: cat along existing dims, stack along a new one, and their shape errors.
import torch

a = torch.arange(6).view(2, 3)
b = torch.arange(6, 12).view(2, 3)
print(torch.cat([a, b]).shape, torch.cat([a, b], dim=1).shape)
print(torch.cat((a, b), dim=-1))
print(torch.stack([a, b]).shape, torch.stack([a, b], dim=1).shape, torch.stack([a, b], dim=2).shape)
print(torch.stack([a, b], dim=-1))

rows = [torch.tensor([float(i), float(i * i)]) for i in range(4)]
m = torch.stack(rows)
print(m)
print(torch.cat(rows))

features = torch.cat([m, m.sum(dim=1, keepdim=True)], dim=1)
print(features.shape)
print(features)

try:
    torch.cat([a, torch.zeros(2, 2)])
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.stack([a, torch.zeros(3, 2)])
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.cat([a, b], dim=2)
except IndexError as e:
    print("IndexError:", e)

print(torch.cat([a.float(), b]).dtype)
parts = [torch.ones(2) * i for i in range(3)]
print(torch.stack(parts, dim=0).sum(dim=0))
