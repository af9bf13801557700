# An nn.Sequential whose layers do not chain: the error from inside the container, uncaught.
import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(10, 32),
    nn.ReLU(),
    nn.Linear(64, 1),
)
print(model)
x = torch.ones(5, 10)
print(model[0](x).shape)
y = model(x)
