import numpy as np

rng = np.random.default_rng(5)
draws = rng.hypergeometric(15, 15, 10, size=8)
print(draws.dtype, draws)
print(rng.hypergeometric([10, 100], 50, [[5], [40]]))
print(type(rng.hypergeometric(7, 3, 4)).__name__, rng.hypergeometric(1000, 2000, 1500))

np.random.seed(4)
print(np.random.hypergeometric(100, 2, 10, 5), np.random.hypergeometric(40, 60, 30))
rs = np.random.RandomState(8)
print(rs.hypergeometric(ngood=[5, 50], nbad=25, nsample=20, size=(2, 2)))

for call in [lambda: rng.hypergeometric(5, 5, 11), lambda: rng.hypergeometric(10**9, 1, 1),
             lambda: np.random.hypergeometric(5, 5, 0), lambda: rs.hypergeometric([3, -1], 4, 2)]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)

counts = rng.multinomial(20, [0.2, 0.3, 0.5], size=3)
print(counts.dtype, counts.shape, counts.sum(axis=1))
print(rng.multinomial([10, 100], [[0.5, 0.5], [0.9, 0.1]]))
print(np.random.multinomial(6, [1 / 6.0] * 6), rs.multinomial(100, [0.25] * 4, size=2))
try:
    rng.multinomial(5, [0.6, 0.6, 0.1])
except ValueError as e:
    print("ValueError:", e)
