import torch

t = torch.arange(24)  # expect: (24,) torch.int64
a = t.view(2, 3, 4)  # expect: (2, 3, 4)
b = a.reshape(6, -1)  # expect: (6, 4)
c = a.permute(2, 0, 1).contiguous().view(4, -1)  # expect: (4, 6)
d = a.transpose(0, 2)  # expect: (4, 3, 2)
e = a.flatten()  # expect: (24,)
f = a.flatten(1)  # expect: (2, 12)
