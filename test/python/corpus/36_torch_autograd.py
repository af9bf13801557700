import torch


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return 2 * x * grad_out


x = torch.linspace(-1, 1, 5, requires_grad=True)
y = Square.apply(x).sum()
y.backward()
print(x.grad)

w = torch.randn(3, 2, requires_grad=True)
b = torch.zeros(2, requires_grad=True)
inp = torch.randn(4, 3)
out = (inp @ w + b).relu().mean()
out.backward()
print(w.grad.shape, b.grad.shape)

with torch.no_grad():
    w -= 0.1 * w.grad
    w.grad.zero_()

z = torch.tensor([1.0, 2.0], requires_grad=True)
g, = torch.autograd.grad((z ** 3).sum(), z)
print(g, z.detach().numpy(), z.requires_grad)
