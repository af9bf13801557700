from typing import Any, Callable, Optional, Sequence


def linear(x, w, b=None, *, activation: Optional[Callable] = None, **extra) -> Any:
    y = x @ w
    if b is not None:
        y = y + b
    return activation(y) if activation else y


def summary(*arrays, sep=", ", precision: int = 2, **named):
    parts = [f"{a!r}" for a in arrays]
    parts += [f"{k}={v:.{precision}f}" for k, v in named.items()]
    return sep.join(parts)


def positional_only(a, b, /, c, d=4, *, e, f=6):
    return a + b + c + d + e + f


def everything(p1, p2=2, /, n1=3, *args, k1, k2=5, **kwargs):
    return p1, p2, n1, args, k1, k2, kwargs


def shapes(xs: Sequence["np.ndarray"], *, axis: int = 0) -> "tuple[int, ...]":
    return tuple(x.shape[axis] for x in xs)


opts = {"sep": " | ", "precision": 3}
print(summary(1, 2, 3, lr=0.01, momentum=0.9, **opts))
print(positional_only(1, 2, 3, e=5))
print(everything(1, 2, 3, 4, 5, k1="a", extra=True))
args = (1, 2)
print(everything(*args, *[9], k1=0, **{"z": 1}))
scale = lambda x, factor=2, *rest, **kw: x * factor
compose = lambda f, g: lambda x: f(g(x))
print(scale(3), compose(abs, lambda v: -v)(4), (lambda: "no args")())
