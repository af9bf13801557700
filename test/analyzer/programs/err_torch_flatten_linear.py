import torch
import torch.nn as nn

net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
x = torch.randn(4, 3, 28, 28)
y = net(x)  # error: shape-linear-in-features
