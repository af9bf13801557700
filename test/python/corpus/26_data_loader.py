import numpy as np


def read_chunks(n_total, chunk):
    start = 0
    while start < n_total:
        stop = min(start + chunk, n_total)
        yield start, stop
        start = stop


def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


def infinite(data):
    while True:
        for x in data:
            received = yield x
            if received is not None:
                print("got", received)


def pipeline(X):
    def normalise(batches):
        for b in batches:
            yield (b - b.mean()) / (b.std() + 1e-8)
    def chunks():
        for s, e in read_chunks(len(X), 32):
            yield X[s:e]
    return normalise(chunks())


print(list(read_chunks(100, 30)))
print(list(flatten([1, [2, (3, 4)], [[5]]])))
it = infinite([1, 2])
print(next(it), it.send("hello"), next(it))
print(sum(1 for _ in pipeline(np.random.rand(100, 3))))
