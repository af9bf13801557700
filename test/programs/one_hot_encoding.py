import numpy as np

labels = np.array([2, 0, 1, 2, 1, 0, 2])
num_classes = labels.max() + 1
print("num classes:", num_classes, type(num_classes))

one_hot = np.eye(num_classes)[labels]
print(one_hot)
print("shape:", one_hot.shape)

# back to labels
decoded = one_hot.argmax(axis=1)
print("decoded:", decoded, "matches:", (decoded == labels).all())

# class frequencies
counts = one_hot.sum(axis=0)
for c, n in enumerate(counts):
    print(f"class {c}: {int(n)} samples ({n / len(labels):.1%})")

# integer one-hot with an explicit dtype
one_hot_int = np.eye(3, dtype=np.int64)[labels]
print(one_hot_int.dtype, one_hot_int[:3])
