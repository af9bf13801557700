import torch

x = torch.randn(2, 3, 4)
y = x.permute(0, 1)  # error: shape-transpose
