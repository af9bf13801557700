# Standardising features per column with mean/std (keepdim) and broadcasting.
import torch

data = torch.tensor([[1.0, 200.0, 0.5],
                     [2.0, 180.0, 0.7],
                     [3.0, 220.0, 0.1],
                     [4.0, 210.0, 0.3]])
mean = data.mean(dim=0)
std = data.std(dim=0)
print(mean)
print(std)
print(data.std(dim=0, unbiased=False))
z = (data - mean) / std
print(z)
print(z.mean(dim=0).abs().max() < 1e-6)
row_mean = data.mean(dim=1, keepdim=True)
print(row_mean.shape)
print(data - row_mean)
mins = data.min(dim=0).values
maxs = data.max(dim=0).values
scaled = (data - mins) / (maxs - mins)
print(scaled)
print(data.sum(), data.sum(dim=0), data.prod(dim=1))
print(data.var(dim=1))

print((data ** 2).sum(dim=1).sqrt())
try:
    data - torch.ones(4)
except RuntimeError as e:
    print("RuntimeError:", e)
