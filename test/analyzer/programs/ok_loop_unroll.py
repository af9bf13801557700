# Loops over a few known items run their body once per item, in order: x after the loop has the
# shape the last layer gives.
import numpy as np
import torch
import torch.nn as nn

layers = [nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)]
x = torch.zeros(32, 784)  # expect: (32, 784)
for layer in layers:
    x = layer(x)  # expect: (32, 10|128)
logits = x  # expect: (32, 10)

stack = nn.Sequential(nn.Linear(10, 16), nn.Tanh(), nn.Linear(16, 4))
h = torch.ones(8, 10)  # expect: (8, 10)
for i, layer in enumerate(stack):
    h = layer(h)  # expect: (8, 4|16)
out = h  # expect: (8, 4)


class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(sizes[0], sizes[1]), nn.Linear(sizes[1], sizes[2])])

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))  # expect: (5, 3|12)
        return x


mlp = MLP((6, 12, 3))
y = mlp(torch.zeros(5, 6))  # expect: (5, 3)


class Grown(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.blocks = nn.ModuleList()
        for _ in range(n):
            self.blocks.append(nn.Linear(7, 7))
        self.head = nn.Linear(7, 2)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.head(x)


g = Grown(3)(torch.zeros(4, 7))

a = np.ones((2, 3))
for axis in (0, 1):
    joined = np.concatenate([a, a], axis=axis)  # expect: (2|4, 3|6)
last = joined  # expect: (2, 6)


class Dense:
    def __init__(self, n_in, n_out):
        self.W = np.ones((n_in, n_out))

    def __call__(self, x):
        return x @ self.W


class Chain:
    def __init__(self, *layers):
        self.layers = list(layers)

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)  # expect: (2, 3|8)
        return x


chained = Chain(Dense(4, 8), Dense(8, 3))(np.ones((2, 4)))  # expect: (2, 3)

z = np.zeros((4, 4))
for k, m in enumerate([np.ones((4, 2)), np.ones((2, 5))], start=1):
    z = z @ m if z.shape[1] == m.shape[0] else z
w = np.ones(3)
for v in (np.ones(3), np.ones(3)):
    if v.sum() > 100:
        break
    w = np.concatenate([w, v])

# not unrolled: a break ends the loop after the first Linear
x2 = torch.zeros(3, 784)
for layer in layers:
    x2 = layer(x2)
    if x2.shape[1] == 128:
        break
after_break = x2

# not unrolled: the body appends to the list it iterates
todo = [nn.Linear(5, 6)]
t = torch.zeros(2, 5)
for layer in todo:
    t = layer(t)
    if len(todo) < 2:
        todo.append(nn.Linear(6, 7))
after_grow = t

# not unrolled: more items than the limit
grown = np.ones(1)
for step in [1] * 40:
    grown = np.concatenate([grown, np.ones(step)])
