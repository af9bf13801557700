import torch

x = torch.zeros(300)
y = x.view(32, 10)  # error: shape-reshape
