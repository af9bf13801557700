import numpy as np


def batchnorm(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    x_hat = (x - mu) / np.sqrt(var + eps)
    return gamma * x_hat + beta, mu, var


x = np.array([[1.0, 200.0, -3.0], [2.0, 180.0, -1.0], [3.0, 220.0, -2.0], [4.0, 210.0, 0.0]])
gamma = np.array([1.0, 0.5, 2.0])
beta = np.array([0.0, 1.0, -1.0])
out, mu, var = batchnorm(x, gamma, beta)
print("mu:", mu)
print("var:", var)
print(out)
print("out mean:", out.mean(axis=0).round(8))
print("out std:", out.std(axis=0))
running_mean = np.zeros(3)
momentum = 0.9
for step in range(3):
    running_mean = momentum * running_mean + (1 - momentum) * mu
    print(step, running_mean)
