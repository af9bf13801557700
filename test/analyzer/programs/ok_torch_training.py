import torch
import torch.nn as nn
import torch.nn.functional as F

model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3))
X = torch.randn(128, 20)  # expect: (128, 20)
y = torch.zeros(128, dtype=torch.long)
for start in range(0, 128, 32):
    xb = X[start:start + 32]  # expect: (≤32, 20)
    logits = model(xb)  # expect: (≤32, 3)
    loss = F.cross_entropy(logits, y[start:start + 32])
