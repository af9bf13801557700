# One real training step (NumPy data, a torch model, cross-entropy, backward) for the live-
# debugging tests: they stop at the line marked `# breakpoint` under debugpy and read the
# frame's arrays. tools/gen_debug_fixtures.py records the same frame with real NumPy/torch.
import numpy as np
import torch

rng = np.random.default_rng(0)
images = rng.random((64, 1, 28, 28), dtype=np.float32)
labels = rng.integers(0, 10, size=64)
torch.manual_seed(0)
model = torch.nn.Linear(784, 10)


def train_step(model, images, labels, lr=0.1):
    x = torch.from_numpy(images).reshape(len(images), -1)
    y = torch.from_numpy(labels)
    logits = model(x)
    loss = torch.nn.functional.cross_entropy(logits, y)
    loss.backward()
    grad = model.weight.grad.numpy()
    probs = logits.softmax(dim=1).detach().numpy()
    even = labels % 2 == 0
    xt = images[:, 0, ::2, ::3]
    parts = [xt[i] for i in range(4)]
    name = 'step'
    return loss.item()  # breakpoint


loss = train_step(model, images, labels)
print(f'loss {loss:.4f}')
