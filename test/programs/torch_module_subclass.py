# An nn.Module subclass with its own Parameters, submodules, train/eval and parameter listing.
import torch
import torch.nn as nn


class Affine(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n_in, n_out) * 0.5)
        self.bias = nn.Parameter(torch.zeros(n_out))
        self.name = "affine"

    def forward(self, x):
        return x @ self.weight + self.bias


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = Affine(3, 4)
        self.act = nn.Tanh()
        self.layer2 = Affine(4, 2)
        self.dropout = nn.Dropout(p=0.25)

    def forward(self, x):
        x = self.act(self.layer1(x))
        x = self.dropout(x)
        return self.layer2(x)

net = Net()
print(net)
print(type(net).__name__, isinstance(net, nn.Module), isinstance(net.layer1, Affine))
print(net.layer1.name)

total = 0
for name, p in net.named_parameters():
    print(f"{name:15s} {str(tuple(p.shape)):8s} requires_grad={p.requires_grad}")
    total += p.numel()
print("total parameters:", total)
print("children:", [type(c).__name__ for c in net.children()])

net.eval()
print("training:", net.training, net.dropout.training)
x = torch.tensor([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]])
y = net(x)
print(y.shape)
print(y)
with torch.no_grad():
    print(net(x))
net.train()
print("training:", net.training, net.layer2.training)
print(net.layer1.weight.requires_grad, net.layer1.weight.is_leaf)
