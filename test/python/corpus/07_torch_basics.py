import numpy as np
import torch

a = np.arange(12, dtype=np.float64).reshape(3, 4)
t = torch.from_numpy(a).float()
print(t.dtype, t.shape)

u = torch.zeros(3, 4) + t
v = u.view(4, 3)
w = u.reshape(-1)
print(v.shape, w.shape, w.numel())

x = torch.randn(2, 3, requires_grad=True)
y = (x ** 2).sum()
y.backward()
print(x.grad)

# Moving between devices
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
z = t.to(device)
back = z.cpu().numpy()
print(type(back), back.dtype)

stacked = torch.stack([t, t * 2], dim=0)
catted = torch.cat((t, t), dim=1)
print(stacked.shape, catted.shape, t.unsqueeze(0).shape, t[None].shape)
print(t.permute(1, 0).contiguous().shape, t.T.shape)
