# A model whose input has the wrong number of features: torch's mat1/mat2 error, uncaught.
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 128)
        self.out = nn.Linear(128, 10)

    def forward(self, x):
        x = torch.relu(self.hidden(x))
        return self.out(x)

model = Classifier()
images = torch.zeros(32, 28, 28)
print("batch:", images.shape)
flat = images.view(32, -1)
print("flattened:", flat.shape, "->", model(flat).shape)
logits = model(images)
print(logits.shape)
