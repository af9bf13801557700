import torch
import torch.nn as nn

conv = nn.Conv2d(3, 16, 3)
x = torch.randn(8, 1, 28, 28)
y = conv(x)  # error: shape-conv-channels
