# Seeded torch random numbers: manual_seed then rand/randn/randint/randperm, printed by
# value, must match torch 1.13 exactly (small randn draws carry a cached normal between calls).
import torch

torch.manual_seed(0)
print(torch.randn(3))
print(torch.rand(2, 3))
print(torch.randn(1))
print(torch.randn(1))
print(torch.randint(0, 10, (8,)))
print(torch.randperm(6))

torch.manual_seed(42)
x = torch.randn(4, 3)
print(x)
print(x[1, 1].item())
print(torch.rand(5, dtype=torch.float64))
print(torch.randn(2, 2).tolist())

torch.manual_seed(0)
layer = torch.nn.Linear(3, 2)
print(layer.weight)
print(layer.bias)
