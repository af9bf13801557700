import numpy as np

rng = np.random.default_rng(3)
print(rng.pareto(3.0, size=4))
print(rng.power(0.5, (2, 2)))
z = rng.zipf(2.0, size=6)
print(z.dtype, z)
print(rng.logseries([0.3, 0.99], size=(2, 2)))
print(type(rng.pareto(2.0)).__name__, type(rng.zipf(1.5)).__name__, rng.logseries(0.9999999))

np.random.seed(11)
print(np.random.pareto(1.5, 3), np.random.power(2.0))
print(np.random.zipf([1.2, 3.0]), np.random.logseries(0.5, 5))
rs = np.random.RandomState(2)
print(rs.pareto([[1.0], [4.0]], size=(2, 3)))
print(rs.zipf(1.001, 3))

for call in [lambda: rng.pareto(0.0), lambda: rng.zipf(1.0), lambda: np.random.logseries([0.5, 1.0]),
             lambda: rs.power(-2.0), lambda: rng.zipf([2.0, float("nan")])]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
