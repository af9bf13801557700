import numpy as np


def naive_softmax(z):
    e = np.exp(z)
    return e / e.sum()


def stable_softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


small = np.array([1.0, 2.0, 3.0])
print("naive :", naive_softmax(small))
print("stable:", stable_softmax(small))

big = np.array([1000.0, 1001.0, 1002.0])
print("naive big :", naive_softmax(big))
print("stable big:", stable_softmax(big))
print("sums:", stable_softmax(big).sum())
