import numpy as np

# NumPy's recommended random API: shapes and dtypes from a Generator's samplers
rng = np.random.default_rng(0)
X = rng.standard_normal((512, 784))  # expect: (512, 784) float64
h = X @ rng.normal(0, 0.01, size=(784, 64))  # expect: (512, 64) float64
y = rng.integers(0, 10, size=512)  # expect: (512,) int64
y32 = rng.integers(0, 10, size=(2, 3), dtype=np.int32, endpoint=True)  # expect: (2, 3) int32
f32 = rng.standard_normal(5, dtype=np.float32)  # expect: (5,) float32
u = rng.uniform(-1, 1, (3, 4))  # expect: (3, 4) float64
mu = rng.normal(np.zeros(3))  # expect: (3,) float64
pick = rng.choice(X, 8, axis=0)  # expect: (8, 784) float64
cols = rng.choice(X, 5, axis=1)  # expect: (512, 5) float64
idx = rng.choice(512, size=(4, 8))  # expect: (4, 8) int64
perm = rng.permutation(512)  # expect: (512,) int64
shuffled = X[perm]  # expect: (512, 784) float64
counts = rng.binomial(10, 0.5, size=6)  # expect: (6,) int64
mvn = rng.multivariate_normal(np.zeros(2), np.eye(2), size=100)  # expect: (100, 2) float64
g = np.random.Generator(np.random.PCG64(1))
z = g.exponential(2.0, size=(2, 2))  # expect: (2, 2) float64
rs = np.random.RandomState(0)
a = rs.randn(3, 4)  # expect: (3, 4) float64
lab = rs.randint(5, size=(2, 3))  # expect: (2, 3) int64
c = rs.choice(10, 4)  # expect: (4,) int64
# array parameters broadcast; a 0-d one still gives a Python float
nb = np.random.normal([0.0, 1.0])  # expect: (2,) float64
s0 = rng.normal(np.array(0.0))
few = rng.poisson(np.ones((2, 1)) * 3, size=None)  # expect: (2, 1) int64
