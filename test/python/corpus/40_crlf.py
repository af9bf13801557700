import numpy as np

# Windows line endings
x = np.array([1, 2,
              3])
y = x * 2 + \
    1
s = "a\
b"
t = """one
two"""
if y.sum() > 0:
    print(y, s, t)
