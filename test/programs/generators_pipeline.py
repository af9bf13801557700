import numpy as np


def read_rows(n):
    for i in range(n):
        yield [i, i * 2.5, (i * 7) % 5]


def to_arrays(rows, batch):
    buf = []
    for row in rows:
        buf.append(row)
        if len(buf) == batch:
            yield np.array(buf)
            buf = []
    if buf:
        yield np.array(buf)


def normalise(batches):
    for b in batches:
        yield (b - b.mean(axis=0)) / (b.std(axis=0) + 1e-8)


for i, b in enumerate(normalise(to_arrays(read_rows(11), 4))):
    print(i, b.shape)
    print(b.round(3))
total = sum(len(b) for b in to_arrays(read_rows(11), 4))
print("rows seen:", total)
squares = (x * x for x in range(5))
print(next(squares), next(squares), list(squares))
