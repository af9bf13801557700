# The legacy seeded API as an object: np.random.RandomState(seed) and its samplers' shapes
import numpy as np

rs = np.random.RandomState(42)
g = np.random.RandomState(0).randn(3, 4)
print(g.shape, g.dtype)
a = rs.randn(2, 3)
print(a.shape, a.round(4))
c = rs.rand(4)
print(c.shape)
n = rs.normal(0, 1, size=(5, 2))
print(n.shape)
u = rs.uniform(0, 1, (2, 2))
print(u.shape)
lab = rs.randint(0, 10, size=7)
print(lab.shape, lab.dtype, lab)
lab2 = rs.randint(5, size=(2, 3))
print(lab2.shape)
ch = rs.choice(10, 4)
print(ch.shape, ch)
pm = rs.permutation(6)
print(pm)
smp = rs.random_sample((3,))
print(smp.shape)
X = rs.randn(100, 8)
W = rs.randn(8, 3) * 0.01
out = X @ W
print(out.shape)
