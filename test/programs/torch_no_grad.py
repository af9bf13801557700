# requires_grad, grad_fn and torch.no_grad(): what the printed tensors say about autograd.
import torch

w = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
x = torch.tensor([[1.0, 2.0]])
print(w)
print(w.requires_grad, w.is_leaf, w.grad_fn)

y = x @ w
print(y)
print(y.requires_grad, y.is_leaf)
z = (y * 2).sum()
print(z)
print(torch.relu(y - 1))
print(y.mean())

with torch.no_grad():
    y2 = x @ w
    print(y2, y2.requires_grad)
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())

d = y.detach()
print(d, d.requires_grad)
print(y.detach().numpy())

b = torch.zeros(2)
print(b.requires_grad)
b.requires_grad_()
print(b)
print(x.requires_grad, (x + b).requires_grad)
print(torch.ones(2, requires_grad=True) * 3)
