import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        h = torch.relu(self.fc1(x))
        return self.fc2(h)  # error: shape-linear-in-features

net = Net()
out = net(torch.zeros(32, 784))
