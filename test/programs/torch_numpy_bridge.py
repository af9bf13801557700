# Moving data between numpy and torch: from_numpy shares memory, .float() copies, .numpy() returns.
import numpy as np
import torch

features = np.array([[5.1, 3.5, 1.4, 0.2],
                     [4.9, 3.0, 1.4, 0.2],
                     [6.2, 3.4, 5.4, 2.3],
                     [5.9, 3.0, 5.1, 1.8]])
labels = np.array([0, 0, 2, 2])
print(features.dtype, labels.dtype)

X = torch.from_numpy(features)
y = torch.from_numpy(labels)
print(X.dtype, y.dtype, X.shape, y.shape)

# from_numpy shares the buffer
features[0, 0] = 100.0
print(X[0])
features[0, 0] = 5.1

Xf = torch.from_numpy(features).float()
print(Xf.dtype)
features[1, 1] = -1.0
print("float() copied:", Xf[1, 1].item())

t = torch.tensor(labels)
labels[0] = 7
print("tensor() copied:", t.tolist(), labels.tolist())

back = Xf.numpy()
print(type(back).__name__, back.dtype, back.shape)
print(back.mean(axis=0))

z = torch.zeros(2, 3)
arr = z.numpy()
arr[0, 1] = 3.0
print(z)

mean = Xf.mean(dim=0).detach().cpu().numpy()
print(mean.dtype, mean.round(3))
print(torch.from_numpy(np.eye(3, dtype=np.int32)))
print(torch.as_tensor([1, 2, 3], dtype=torch.float32))
print(torch.tensor(np.arange(6).reshape(2, 3)).dtype)
