import functools
import time


def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            print(f"{fn.__name__} took {time.perf_counter() - start:.3f}s")
    return wrapper


def repeat(times=2):
    def decorate(fn):
        def inner(*a, **kw):
            result = None
            for _ in range(times):
                result = fn(*a, **kw)
            return result
        return inner
    return decorate


@timed
@repeat(times=3)
def train_step(x, lr=0.1):
    return x - lr * 2 * x


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Counter:
    count = 0

    @staticmethod
    def describe():
        return "counts calls"

    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count

    @property
    def doubled(self):
        return self.count * 2


print(train_step(1.0), fib(30), Counter.describe(), Counter.bump())
