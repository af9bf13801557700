# Seeded weight initialisation with torch.nn.init, printed to full precision (tolist gives the
# exact float32 values as Python floats).
import torch
import torch.nn as nn

torch.manual_seed(42)
layer = nn.Linear(4, 3)
nn.init.xavier_uniform_(layer.weight)
nn.init.zeros_(layer.bias)
print(layer.weight.tolist())
print(layer.bias.tolist())

w = torch.empty(5, 4)
nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu')
print(w.tolist())
nn.init.kaiming_uniform_(w, a=0.1)
print(w.tolist())
nn.init.xavier_normal_(w, gain=nn.init.calculate_gain('tanh'))
print(w.sum().item(), w.std().item())

conv = nn.Conv2d(2, 4, 3)
nn.init.kaiming_normal_(conv.weight)
nn.init.constant_(conv.bias, 0.1)
print(conv.weight.shape, conv.weight.mean().item(), conv.bias.tolist())

big = torch.empty(64, 128)
nn.init.normal_(big, mean=0.0, std=0.02)
print(big[0, :4].tolist(), big.mean().item(), big.var().item())
nn.init.uniform_(big, -0.5, 0.5)
print(big[-1, -3:].tolist())
print(nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('selu'))
nn.init.ones_(layer.bias)
print(layer(torch.ones(2, 4)))
