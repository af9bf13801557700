import torch

W = torch.randn(3, 5)
x = torch.randn(3)
y = W @ x  # error: shape-matmul
