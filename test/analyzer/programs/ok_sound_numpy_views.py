import numpy as np

a = np.arange(24).reshape(2, 3, 4)
b = a[::2]
c = a[:, 1:-1, ::-1]
d = a[..., None]
e = a[None, :, 0]
f = a[1]
g = a[:, :, 2]
h = a.reshape(-1)
i = a.reshape(4, -1)
j = a.flatten()
k = a.ravel()
l = a.T
m = a.transpose(1, 0, 2)
n = np.swapaxes(a, 0, 2)
o = np.moveaxis(a, 0, -1)
p = a.sum()
q = a.sum(axis=(0, 2))
r = a.mean(axis=-1, keepdims=True)
s = a.max(axis=1)
t = a.argmax(axis=2)
u = a.argmax()
v = np.cumsum(a)
w = np.cumsum(a, axis=1)
x = np.sort(a, axis=None)
y = np.squeeze(np.ones((1, 3, 1)))
z = np.expand_dims(np.ones(5), 0)
aa = a[a > 5]
bb = a[[0, 1], [1, 2]]
cc = a[:, [0, 2]]
dd = a[np.array([True, False])]
ee = np.arange(0, 1, 0.1)
ff = np.linspace(0, 1, 7)
gg = np.arange(10)[3:100]
hh = np.arange(10)[-3:]
ii = np.arange(10)[::-3]
jj = np.arange(10)[8:2:-2]
kk = np.diff(np.arange(10))
ll = np.diff(np.ones((4, 6)), axis=0)
mm = np.tile(np.ones((2, 3)), (2, 2))
nn = np.repeat(np.ones((2, 3)), 3, axis=1)
oo = np.repeat(np.ones((2, 3)), 2)
pp = np.pad(np.ones((3, 4)), 1)
qq = np.pad(np.ones((3, 4)), ((1, 2), (0, 3)))
rr = np.outer(np.ones(3), np.ones(5))
ss = np.dot(np.ones((3, 4)), np.ones(4))
tt = np.ones(4) @ np.ones((4, 2))
uu = np.ones((5, 3, 4)) @ np.ones((4, 2))
vv = np.einsum('ij,jk->ik', np.ones((2, 3)), np.ones((3, 5)))
ww = np.where(np.ones((3, 1)) > 0, np.ones(4), 0)
xx = np.clip(np.ones((2, 2)), 0, 1)
yy = np.concatenate([np.ones((2, 3)), np.zeros((4, 3))])
zz = np.stack([np.ones(3)] * 4, axis=1)
ab = np.vstack([np.ones(3), np.ones(3)])
ac = np.hstack([np.ones(3), np.ones(2)])
ad = np.column_stack([np.ones(3), np.ones(3)])
ae = np.split(np.ones(6), 3)[0]
af = np.meshgrid(np.ones(3), np.ones(4))[0]
ag = np.eye(3, 5)
ah = np.identity(4)
ai = np.full((2, 2), 7)
aj = np.zeros_like(a, dtype=np.float32)
ak = np.ones(3, dtype=int)
al = a.astype(np.float32) / 2
am = a // 2
an = a / 2
ao = a ** 2
ap = -a
aq = a % 3 == 0
ar = np.abs(a - 10.5)
as_ = np.exp(a).astype(np.float16)
at = np.atleast_2d(np.ones(3))
au = np.broadcast_to(np.ones(3), (4, 3))
av = np.triu(np.ones((3, 3)))
aw = np.flip(a, axis=0)
ax = np.roll(a, 1, axis=2)
ay = a.std(axis=0, ddof=1)
az = np.linalg.norm(np.ones((3, 4)), axis=1)
ba = np.linalg.inv(np.eye(3))
bc = np.random.rand(3, 2)
bd = np.random.randint(0, 5, size=(2, 4))
be = np.random.normal(size=(3,))
bf = np.random.default_rng(0).standard_normal((2, 5))
bg = np.random.choice(10, 4)
bh = np.bincount(np.array([0, 1, 1, 3]))
bi = np.argsort(np.ones((3, 4)), axis=0)
bj = a.prod(axis=0)
bk = a.min(0)
bl = np.array([[1, 2], [3, 4]], dtype=np.int32) * 2
bm = np.array([1.0, 2.0]) + np.array([1, 2])
bn = np.array([True, False]) + 1
bo = np.int32(3) * np.ones(2, dtype=np.int8)
bp = np.float32(2.0) * np.ones(3, dtype=np.float32)
bq = np.ones(3, dtype=np.float32) * 2.5
br = np.ones(3, dtype=np.int8) + 300
