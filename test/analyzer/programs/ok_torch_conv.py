import torch
import torch.nn as nn

net = nn.Sequential(
    nn.Conv2d(1, 8, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(8 * 14 * 14, 10),
)
x = torch.zeros(16, 1, 28, 28)
y = net(x)  # expect: (16, 10)
