class Range2D:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols

    def __iter__(self):
        for r in range(self.rows):
            for c in range(self.cols):
                yield r, c

    def __len__(self):
        return self.rows * self.cols


class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v


grid = Range2D(2, 3)
print(len(grid), list(grid))
print(list(Fib(50)), sum(Fib(100)))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"))
print(dict(enumerate("abc")), list(zip(Fib(10), "xyz")))
