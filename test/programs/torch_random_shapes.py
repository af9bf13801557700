# Seeded random tensors: torch's generator cannot be reproduced bit for bit here, so this
# prints only what does not depend on the drawn values (shapes, dtypes, ranges, permutations).
import torch

torch.manual_seed(42)
x = torch.randn(64, 10)
print(x.shape, x.dtype, x.requires_grad)
u = torch.rand(3, 4)
print(u.shape, bool(((u >= 0) & (u < 1)).all()))
k = torch.randint(0, 5, (100,))
print(k.dtype, k.shape, bool((k >= 0).all()), bool((k < 5).all()))
p = torch.randperm(8)
print(p.dtype, p.shape)
print(sorted(p.tolist()) == list(range(8)))
w = torch.randn(10, 3, requires_grad=True)
print(w.requires_grad, w.is_leaf, (x @ w).shape, (x @ w).requires_grad)
print(torch.randn(2, 3, dtype=torch.float64).dtype)
print(torch.rand_like(x).shape, torch.randn_like(u).dtype)
idx = torch.randperm(64)[:16]
batch = x[idx]
print(batch.shape, idx.shape)
noise = torch.randn(5) * 0
print(noise.abs().sum().item())
