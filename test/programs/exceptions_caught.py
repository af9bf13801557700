import numpy as np


def safe_add(a, b):
    try:
        return a + b
    except ValueError as e:
        print("ValueError:", e)
        return None


print(safe_add(np.ones((2, 3)), np.ones(3)))
print(safe_add(np.ones((2, 3)), np.ones(2)))

try:
    np.ones((2, 3)) @ np.ones((2, 3))
except ValueError as e:
    print("matmul failed:", e)

try:
    np.arange(10).reshape(3, 3)
except ValueError as e:
    print("reshape failed:", e)

try:
    np.zeros((3, 3))[3, 0]
except IndexError as e:
    print(type(e).__name__, "-", e)

try:
    np.zeros(5).sum(axis=1)
except np.AxisError as e:
    print("axis error is a ValueError:", isinstance(e, ValueError), e)

try:
    if np.array([1, 2]) == 1:
        pass
except ValueError as e:
    print("ambiguous:", e)

errors = 0
for shape in [(4,), (2, 2), (3,), (1, 4)]:
    try:
        np.arange(4).reshape(shape)
    except ValueError:
        errors += 1
    else:
        print("ok", shape)
    finally:
        pass
print("errors:", errors)
