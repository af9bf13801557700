# A two-layer MLP forward pass in torch with fixed weights, checked against a numpy version.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self, d_in, d_hidden, d_out):
        super().__init__()
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.fc2 = nn.Linear(d_hidden, d_out)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        return self.fc2(h)

model = MLP(4, 5, 3)
print(model)

# deterministic weights so the output can be compared with numpy
w1 = np.linspace(-1.0, 1.0, 20, dtype=np.float32).reshape(5, 4)
b1 = np.array([0.1, -0.2, 0.0, 0.3, -0.1], dtype=np.float32)
w2 = np.linspace(0.5, -0.5, 15, dtype=np.float32).reshape(3, 5)
b2 = np.zeros(3, dtype=np.float32)
with torch.no_grad():
    model.fc1.weight.copy_(torch.from_numpy(w1))
    model.fc1.bias.copy_(torch.from_numpy(b1))
    model.fc2.weight.copy_(torch.from_numpy(w2))
    model.fc2.bias.copy_(torch.from_numpy(b2))

X = np.arange(24, dtype=np.float32).reshape(6, 4) / 10
out = model(torch.from_numpy(X))
print("out shape:", out.shape)
print(out)

ref = np.maximum(X @ w1.T + b1, 0) @ w2.T + b2
print("numpy ref:")
print(ref)
print("close:", np.allclose(out.detach().numpy(), ref, atol=1e-6))

with torch.no_grad():
    probs = F.softmax(model(torch.from_numpy(X)), dim=1)
print(probs.sum(dim=1))
print("predicted classes:", probs.argmax(dim=1).tolist())
