import numpy as np; import math
x = 1; y = 2; z = x + y
total = x + \
    y + \
    z
values = [
    1,
    2,  # trailing comment
    3,
]
config = dict(
    lr=0.1,
    momentum=0.9,
)
if x: print("inline if")
elif y: print("inline elif")
else: print("inline else")
for i in range(2): print(i)
while False: pass
class Empty: pass
class Point(object): x = 0; y = 0
def noop(): ...
def doc():
    """Only a docstring."""
with open(__file__) as f, open(__file__) as g:
    pass
with np.errstate(all="ignore"):
    r = np.float64(1) / 0
raise_it = False
if raise_it:
    raise
    raise ValueError
    raise ValueError("bad") from None
print(*values, sep=", ", end="\n")
print(math.inf, -math.inf, __name__, __file__ is not None)
assert isinstance(values, list) and len(values) == 3, (
    "values should be a list of three"
)
global_names = globals().keys()
(lambda: None)()
[np.zeros(2)][0][:] = 1
