# Tracking shapes through a small CNN layer by layer (the weights are random: only shapes print).
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, kernel_size=3),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 6 * 6, 10),
)
print(model)

x = torch.zeros(4, 1, 28, 28)
for i, layer in enumerate(model):
    x = layer(x)
    print(f"{i}: {type(layer).__name__:10s} -> {tuple(x.shape)}")

out = model(torch.zeros(2, 1, 28, 28))
print(out.shape, out.dtype)
print(sum(p.numel() for p in model.parameters()))
print([tuple(p.shape) for p in model[0].parameters()])
print(model[0].weight.shape, model[0].kernel_size, model[0].padding, model[3].stride)
print(model[-1])
print(len(model))
conv = nn.Conv2d(3, 6, 5, stride=2)
print(conv, conv(torch.zeros(1, 3, 32, 32)).shape)
print(nn.MaxPool2d(kernel_size=3, stride=1)(torch.zeros(1, 1, 5, 5)).shape)
