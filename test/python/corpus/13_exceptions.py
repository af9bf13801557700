import numpy as np


class ShapeMismatch(ValueError):
    def __init__(self, a, b):
        super().__init__(f"shapes {a} and {b} are not aligned")
        self.a, self.b = a, b


def safe_matmul(A, B):
    if A.shape[-1] != B.shape[0]:
        raise ShapeMismatch(A.shape, B.shape)
    return A @ B


try:
    safe_matmul(np.ones((2, 3)), np.ones((2, 3)))
except ShapeMismatch as e:
    print("caught:", e)
except (TypeError, AttributeError):
    print("wrong types")
else:
    print("no error")
finally:
    print("done")

def load(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError as exc:
        raise RuntimeError(f"missing {path}") from exc
    except Exception:
        raise

try:
    np.ones((2, 3)) + np.ones((3, 2))
except ValueError as err:
    msg = str(err)
    print(msg)

try:
    pass
finally:
    del msg
