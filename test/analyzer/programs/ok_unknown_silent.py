import numpy as np

def load():
    return np.load("data.npy")

X = load()
Y = X + np.ones((3, 4))
Z = X @ np.ones((5, 6))
n = int(input())
A = np.zeros((n, 3))
B = A + np.ones(3)  # expect: (?, 3)
