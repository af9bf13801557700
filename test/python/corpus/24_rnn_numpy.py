import numpy as np

T, B, D, Hd = 5, 4, 8, 16
xs = np.random.randn(T, B, D)
Wxh = np.random.randn(D, Hd) * 0.1
Whh = np.random.randn(Hd, Hd) * 0.1
bh = np.zeros(Hd)

h = np.zeros((B, Hd))
hs = []
for t in range(T):
    h = np.tanh(xs[t] @ Wxh + h @ Whh + bh)
    hs.append(h)
H = np.stack(hs)
print(H.shape)  # (T, B, Hd)

def lstm_cell(x, h, c, W, U, b):
    z = x @ W + h @ U + b
    i, f, o, g = np.split(z, 4, axis=-1)
    sig = lambda v: 1 / (1 + np.exp(-v))
    c_new = sig(f) * c + sig(i) * np.tanh(g)
    h_new = sig(o) * np.tanh(c_new)
    return h_new, c_new

W = np.random.randn(D, 4 * Hd)
U = np.random.randn(Hd, 4 * Hd)
b = np.zeros(4 * Hd)
h, c = np.zeros((B, Hd)), np.zeros((B, Hd))
for x in xs:
    h, c = lstm_cell(x, h, c, W, U, b)
print(h.shape, c.shape)
