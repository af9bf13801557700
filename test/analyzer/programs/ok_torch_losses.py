import torch
import torch.nn as nn

# loss modules reduce to a 0-d tensor (mean by default, or sum); 'none' keeps a shape we do not claim
logits = torch.ones(8, 3)
labels = torch.zeros(8, dtype=torch.int64)
ce = nn.CrossEntropyLoss()
loss = ce(logits, labels)  # expect: () torch.float32
total = nn.MSELoss(reduction='sum')(logits, torch.zeros(8, 3))  # expect: () torch.float32
each = nn.MSELoss(reduction='none')(logits, torch.zeros(8, 3))
bce = nn.BCEWithLogitsLoss()(logits[:, 0], torch.ones(8))  # expect: () torch.float32
# a Parameter is its tensor, so a Module using its own weights has shapes
w = nn.Parameter(torch.ones(3, 4) * 0.5)  # expect: (3, 4) torch.float32


class Affine(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        return x @ self.weight + self.bias


out = Affine(3, 4)(torch.ones(2, 3))  # expect: (2, 4) torch.float32
