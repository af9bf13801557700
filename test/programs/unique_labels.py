import numpy as np

labels = np.array([3, 1, 2, 3, 3, 1, 0, 2, 3])
classes, counts = np.unique(labels, return_counts=True)
print(classes, counts)
for c, n in zip(classes, counts):
    print(f"class {c}: {n}")
weights = counts.sum() / (len(classes) * counts)
print("class weights:", weights.round(3))
print("majority:", classes[counts.argmax()])
print("bincount:", np.bincount(labels))
words = ["cat", "dog", "cat", "bird"]
vocab = sorted(set(words))
index = {w: i for i, w in enumerate(vocab)}
print(vocab, [index[w] for w in words])
