# 10 · PyTorch shape bugs: "mat1 and mat2 shapes cannot be multiplied".
import torch
import torch.nn as nn

x = torch.randn(64, 784)
layer = nn.Linear(512, 10)                   # bug: in_features should be 784
y = layer(x)

a = torch.randn(3, 4)
b = torch.randn(3, 4)
c = torch.cat([a, b.T], dim=0)               # bug: (3, 4) and (4, 3) differ in dim 1
