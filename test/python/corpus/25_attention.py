import math
import torch
import torch.nn as nn
import torch.nn.functional as F


def scaled_dot_product(q, k, v, mask=None):
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(mask == 0, float("-inf"))
    weights = F.softmax(scores, dim=-1)
    return weights @ v, weights


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model=64, n_heads=8):
        super().__init__()
        assert d_model % n_heads == 0
        self.h = n_heads
        self.d = d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out = nn.Linear(d_model, d_model)

    def forward(self, x, mask=None):
        B, T, _ = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        q, k, v = [t.view(B, T, self.h, self.d).transpose(1, 2) for t in (q, k, v)]
        y, attn = scaled_dot_product(q, k, v, mask)
        y = y.transpose(1, 2).contiguous().view(B, T, self.h * self.d)
        return self.out(y)


x = torch.randn(2, 10, 64)
causal = torch.tril(torch.ones(10, 10)).bool()
print(MultiHeadAttention()(x, causal).shape)
