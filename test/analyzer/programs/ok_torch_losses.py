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
