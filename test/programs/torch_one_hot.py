# One-hot encoding labels in torch: F.one_hot, eye indexing, and back with argmax.
import torch
import torch.nn.functional as F

labels = torch.tensor([0, 2, 1, 2, 3])
oh = F.one_hot(labels)
print(oh)
print(oh.dtype, oh.shape)
print(F.one_hot(labels, num_classes=6).shape)
eye = torch.eye(4)
print(eye[labels])
print(eye[labels].argmax(dim=1))
print((oh.argmax(dim=1) == labels).all())
counts = oh.sum(dim=0)
print("counts:", counts.tolist())
smooth = oh.float() * 0.9 + 0.1 / 4
print(smooth)
print(smooth.sum(dim=1))
try:
    F.one_hot(labels, num_classes=3)
except RuntimeError as e:
    print("RuntimeError:", e)
