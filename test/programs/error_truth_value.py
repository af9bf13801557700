import numpy as np


def relu_slow(x):
    if x > 0:
        return x
    return 0


print(relu_slow(3.5))
print(relu_slow(np.float64(-2.0)))
print(relu_slow(np.array([1.0, -1.0])))
