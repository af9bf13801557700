import torch

x = torch.randn(10, 3)
mean = x.mean(dim=0, keepdim=True)  # expect: (1, 3)
std = x.std(dim=0)  # expect: (3,)
z = (x - mean) / std  # expect: (10, 3)
w = torch.ones(3, 1) * torch.ones(1, 4)  # expect: (3, 4)
