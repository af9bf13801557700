import numpy as np
import torch
import torch.nn.functional as F

# a comprehension over something of known length has that many items
x = np.linspace(0, 1, 5)
X = np.column_stack([x ** p for p in range(4)])  # expect: (5, 4) float64
V = np.vstack([x ** p for p in range(3)])  # expect: (3, 5) float64
rows = np.array([np.ones(2) * k for k in [1, 2, 3]])  # expect: (3, 2) float64
c = np.concatenate([[0.0], x])  # expect: (6,) float64
# once a list grows or shrinks, its length is no longer claimed
xs = [np.zeros(3), np.zeros(3)]
xs.append(np.zeros(3))
A = np.stack(xs)  # expect: (?)
ys = [np.zeros(3) for _ in range(2)]
ys.pop()
B = np.stack(ys)  # expect: (?)
evens = np.array([k for k in range(10) if k % 2 == 0])  # expect: (?)
# torch: the values of max along a dim, one_hot with and without num_classes
t = torch.ones(4, 3)
mx = t.max(dim=0).values  # expect: (3,) torch.float32
at = t.max(dim=1).indices  # expect: (4,) torch.int64
oh = F.one_hot(torch.tensor([0, 2, 1]), 5)  # expect: (3, 5) torch.int64
oh2 = F.one_hot(torch.tensor([0, 2, 1]))  # expect: (3, num_classes) torch.int64
# an item replaced, or the list handed to user code that may append: no length claimed
zs = [np.zeros((2, 3)) for _ in range(2)]
zs[0] = np.zeros((5, 3))
Z = np.concatenate(zs)  # expect: (?)


def add_row(rows_list):
    rows_list.append(np.zeros((2, 3)))


ws = [np.zeros((2, 3)) for _ in range(2)]
add_row(ws)
W = np.concatenate(ws)  # expect: (?)
