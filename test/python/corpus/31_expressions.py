import numpy as np

data = [3, 1, 4, 1, 5, 9, 2, 6]
if (n := len(data)) > 5:
    print(f"long list ({n} items)")
while (chunk := data[:2]):
    data = data[2:]
    print(chunk)

x = 5
print(0 < x < 10, 0 <= x <= 4, x == 5 != 6, 1 < 2 > 0 < 3)
print(x is None, x is not None, 3 in [1, 2, 3], 4 not in (1, 2))
print(not x, not not x, -x, +x, ~x, -(-x), x ** -1, -x ** 2, (-x) ** 2)
print(x if x > 3 else -x, "big" if x > 100 else "mid" if x > 3 else "small")
print(x and 0 or 7, x or 0 and 1, (x and 0) or 7, x and (0 or 7), not x or x)
print(x & 3 | 8 ^ 1, x << 2 >> 1, x // 2 % 3, 7 / 2 * 3 - 1 + 2)
print((x, ), (x), (), [], {}, {1}, {1: 2, **{3: 4}}, [*data, *range(2)], {*data})
a = b = c = np.zeros(3)
a, (b, c) = 1, (2, 3)
first, *middle, last = range(6)
*init, final = [1, 2, 3]
[p, q] = 1, 2
(r, s) = [3, 4]
m = np.ones((2, 2))
m @= np.eye(2)
x += 1; x -= 1; x *= 2; x /= 2; x //= 1; x %= 7; x **= 2; x >>= 1; x <<= 1; x &= 255; x |= 1; x ^= 3
t = 1,
u = 1, 2,
v: int
w: "float" = 2.5
(z): int = 3
obj = type("O", (), {})()
obj.attr: int = 4
matrix = [[0] * 3] * 2
matrix[0][1]: int = 7
print(a, b, c, first, middle, last, init, final, p, q, r, s, t, u, w, z)
