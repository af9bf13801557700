import torch
import torch.nn as nn

x = torch.randn(64, 784)
layer = nn.Linear(784, 128)
h = layer(x)
out = torch.relu(h)
