import torch
import torch.nn as nn

fc = nn.Linear(128, 10)
x = torch.randn(64, 784)
y = fc(x)  # error: shape-linear-in-features
