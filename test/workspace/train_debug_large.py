# A large array for the live-debugging tests: a (2000, 2000) float64 field the inspector must
# read window by window (never whole), and a function frame beside the module frame for the
# frame-switching test. tools/gen_e2e_debug_large.py computes the expected values with NumPy.
import numpy as np

grid = np.sin(np.arange(2000 * 2000, dtype=np.float64).reshape(2000, 2000) / 997.0)
bias = np.arange(3)


def scale(a, k):
    scaled = a[:10] * k
    return scaled  # breakpoint


out = scale(grid, 3.0)
print(out.shape)
