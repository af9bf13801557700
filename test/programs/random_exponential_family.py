import numpy as np

# the scratch evaluation that used to fail
rng = np.random.default_rng(0)
print(rng.exponential(2.0, size=5))

waits = rng.exponential(scale=np.array([1.0, 10.0, 100.0]), size=(2, 3))
print(waits.shape, waits.dtype)
print(waits)
z = rng.standard_exponential(4, dtype=np.float32)
print(z.dtype, z)
print(rng.standard_exponential(3, method="inv"))
print(rng.laplace(0.0, 2.0, 3), rng.gumbel(size=2), rng.logistic(1.0, 0.5, size=2))
print(type(rng.exponential()).__name__, rng.exponential())

np.random.seed(7)
print(np.random.exponential(3.0, 4))
print(np.random.standard_exponential((2, 2)))
print(np.random.laplace(size=2), np.random.gumbel(5, 2), np.random.logistic(size=3))
rs = np.random.RandomState(1)
print(rs.exponential([1, 2, 3]))

try:
    rng.exponential(-1.0)
except ValueError as e:
    print("ValueError:", e)
try:
    np.random.laplace(0, [1.0, -1.0])
except ValueError as e:
    print("ValueError:", e)

# lognormal, gamma and beta (glibc's exp and pow reach the printed digits)
rng = np.random.default_rng(3)
print(rng.lognormal(0.0, 1.0, 4))
print(rng.gamma(2.0, 1.5, size=3), rng.standard_gamma(0.5, 3))
print(rng.beta(0.5, 0.5, 3), rng.beta([2.0, 3.0], 4.0))
np.random.seed(11)
print(np.random.lognormal(size=3), np.random.gamma(0.3, size=2), np.random.beta(2, 5))
try:
    rng.beta(0.0, 1.0)
except ValueError as e:
    print("ValueError:", e)

# the samplers built on those draws
rng = np.random.default_rng(5)
print(rng.chisquare(3, 2), rng.standard_t(4.0), rng.standard_cauchy(2))
print(rng.weibull(1.5, 2), rng.rayleigh(2.0, 2), rng.wald(1.0, 2.0, 2))
print(rng.triangular(0.0, 0.3, 1.0, 3), rng.geometric(0.2, 4), rng.f(3, 7))
w = rng.dirichlet([0.5, 1.0, 2.0], size=2)
print(w.shape, w.sum(axis=1))
np.random.seed(13)
print(np.random.dirichlet([1, 1]), np.random.geometric(0.5, 3), np.random.triangular(-1, 0, 1))
