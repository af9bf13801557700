import numpy as np

labels = np.array([0, 2, 1, 2, 0, 3])
num_classes = labels.max() + 1

one_hot = np.eye(num_classes)[labels]
print(one_hot.shape)  # (6, 4)

# The same, by hand
manual = np.zeros((labels.size, num_classes), dtype=np.float32)
manual[np.arange(labels.size), labels] = 1.0
assert (manual == one_hot).all()

decoded = one_hot.argmax(axis=-1)
print(decoded, (decoded == labels).all())

def to_one_hot(y, k=None):
    k = k if k is not None else int(y.max()) + 1
    out = np.zeros(y.shape + (k,))
    np.put_along_axis(out, y[..., None], 1, axis=-1)
    return out

print(to_one_hot(labels.reshape(2, 3)).shape)
