import numpy as np

words = ["the", "cat", "sat", "on", "the", "mat"]
vocab = {w: i for i, w in enumerate(sorted(set(words)))}
inverse = {i: w for w, i in vocab.items()}
lengths = [len(w) for w in words if len(w) > 2]
unique_first = {w[0] for w in words}
pairs = [(a, b) for a in range(3) for b in range(3) if a != b]
matrix = [[i * j for j in range(4)] for i in range(3)]
flat = [x for row in matrix for x in row if x % 2 == 0]
total = sum(x * x for x in range(10))
gen = (np.zeros(k) for k in range(1, 4))
shapes = [a.shape for a in gen]
squares = list(map(lambda x: x ** 2, range(5)))
evens = list(filter(lambda x: not x % 2, range(10)))
nested = {k: [v for v in range(k)] for k in range(3)}
print(vocab, inverse, lengths, unique_first, pairs, matrix, flat, total, shapes, squares, evens, nested)
ids = [vocab.get(w, -1) for w in "the dog sat".split()]
print(ids, any(i < 0 for i in ids), all(i >= 0 for i in ids))
