import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    """A two-layer perceptron for MNIST."""

    def __init__(self, in_features: int = 784, hidden: int = 128, num_classes: int = 10, dropout=0.1):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.fc2 = nn.Linear(hidden, num_classes)
        self.drop = nn.Dropout(p=dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = self.drop(x)
        return self.fc2(x)


class Residual(nn.Module):
    def __init__(self, dim):
        super(Residual, self).__init__()
        self.block = nn.Sequential(
            nn.Linear(dim, dim),
            nn.ReLU(),
            nn.Linear(dim, dim),
        )

    def forward(self, x):
        return x + self.block(x)


model = MLP()
print(model)
x = torch.randn(16, 1, 28, 28)
logits = model(x)
print(logits.shape)
n_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"{n_params:,} trainable parameters")
