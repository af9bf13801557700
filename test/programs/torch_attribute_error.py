# A typo in a layer name inside forward: torch's Module.__getattr__ error, uncaught.
import torch
import torch.nn as nn


class TwoLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 4)
        self.fc2 = nn.Linear(4, 2)

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        return self.fc3(x)

net = TwoLayer()
print(hasattr(net, "fc2"), hasattr(net, "fc3"))
print(net.fc1)
out = net(torch.ones(3, 8))
