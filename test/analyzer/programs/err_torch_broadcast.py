import torch

a = torch.ones(3, 4)
b = torch.ones(3, 3)
c = a + b  # error: shape-broadcast
