import torch

a = torch.randn(64, 784)
b = torch.randn(128, 10)
c = torch.mm(a, b)  # error: shape-matmul
