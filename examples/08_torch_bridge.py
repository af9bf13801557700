# 08 · From NumPy to PyTorch: dtypes change (float64 -> float32), shapes don't.
import numpy as np
import torch
import torch.nn as nn

X_np = np.random.randn(64, 784)
X = torch.from_numpy(X_np).float()           # torch.float32, (64, 784)
labels = torch.randint(0, 10, (64,))

layer1 = nn.Linear(784, 128)
layer2 = nn.Linear(128, 10)
h = torch.relu(layer1(X))                    # (64, 128)
logits = layer2(h)                           # (64, 10)
flat = X.view(64, 28, 28)                    # view needs the same number of elements

print(logits.shape)
