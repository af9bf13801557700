# Reshaping a batch into an impossible shape with view: torch's error, uncaught.
import torch

x = torch.arange(12)
print(x.view(3, 4).shape, x.view(-1, 6).shape, x.view(2, 2, 3).shape)
t = x.view(3, 4).t()
print(t.is_contiguous(), t.reshape(12).shape)
try:
    t.view(12)
except RuntimeError as e:
    print("RuntimeError:", e)
batch = torch.zeros(10, 3)
print(batch.view(5, 6).shape)
y = batch.view(4, -1)
