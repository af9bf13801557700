# Indexing tensors: slices, boolean masks, integer index lists, where, and assignment.
import torch

x = torch.arange(20, dtype=torch.float32).view(4, 5)
print(x)
print(x[1], x[:, 2], x[1:3, ::2], x[-1, -1])
print(x[[0, 2]], x[[0, 1, 3], [4, 0, 2]])
mask = x > 12
print(mask)
print(x[mask])
print(x[x % 2 == 0].shape)
print(x[:, [True, False, True, False, True]])
print(x[None].shape, x[:, None].shape, x[..., 0])

y = x.clone()
y[y < 5] = 0
y[:, 0] = -1
y[3] = torch.tensor([9.0, 8.0, 7.0, 6.0, 5.0])
print(y)
print(torch.where(x > 10, x, torch.zeros_like(x)))
print(torch.where(x > 10, 1.0, 0.0))
print(x.masked_fill(mask, -1.0))
print(torch.nonzero(x > 17))
print(x.clamp(min=3, max=15))
try:
    x[4]
except IndexError as e:
    print("IndexError:", e)
