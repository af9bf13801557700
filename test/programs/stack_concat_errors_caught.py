import numpy as np

a = np.ones((2, 3))
b = np.ones((2, 4))
print(np.concatenate([a, b], axis=1).shape)
for axis in (0, 1):
    try:
        out = np.concatenate([a, np.ones((3, 3))], axis=axis)
        print("axis", axis, "->", out.shape)
    except ValueError as e:
        print("axis", axis, "failed:", e)
try:
    np.stack([a, b])
except ValueError as e:
    print("stack:", e)
print(np.vstack([a, a]).shape, np.hstack([a, b]).shape, np.stack([a, a], axis=-1).shape)
