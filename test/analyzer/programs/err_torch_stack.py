import torch

s = torch.stack([torch.zeros(2, 3), torch.zeros(3, 3)])  # error: shape-concat
