import torch
import torch.nn as nn


class SmallCNN(nn.Module):
    def __init__(self, channels=(1, 16, 32), num_classes=10):
        super().__init__()
        c0, c1, c2 = channels
        self.features = nn.Sequential(
            nn.Conv2d(c0, c1, kernel_size=3, padding=1),  # 28x28
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),                               # 14x14
            nn.Conv2d(c1, c2, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),                               # 7x7
        )
        self.classifier = nn.Linear(c2 * 7 * 7, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


def conv_out(size, kernel, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


net = SmallCNN()
images = torch.randn(8, 1, 28, 28)
print(net(images).shape)
print([conv_out(28, 3, padding=1), conv_out(28, 5), conv_out(32, 3, stride=2)])
