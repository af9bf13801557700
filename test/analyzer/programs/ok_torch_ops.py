import numpy as np
import torch

a = np.zeros((5, 3))
t = torch.from_numpy(a).float()  # expect: (5, 3) torch.float32
m = t.mean(dim=0)  # expect: (3,)
back = m.detach().cpu().numpy()  # expect: (3,)
u = t.unsqueeze(0)  # expect: (1, 5, 3)
p = u.permute(2, 0, 1)  # expect: (3, 1, 5)
c = torch.cat([t, t], dim=0)  # expect: (10, 3)
