import numpy as np

def f(w, x):
    return np.sum((x @ w) ** 2) / 2

def grad(w, x):
    return x.T @ (x @ w)

np.random.seed(1)
x = np.random.randn(5, 3)
w = np.random.randn(3)
eps = 1e-6
num = np.zeros_like(w)
for i in range(len(w)):
    e = np.zeros_like(w)
    e[i] = eps
    num[i] = (f(w + e, x) - f(w - e, x)) / (2 * eps)
ana = grad(w, x)
print("analytic:", ana.round(6))
print("allclose:", np.allclose(num, ana, rtol=1e-5, atol=1e-8))
print("isclose:", np.isclose(num, ana))
print("max abs diff < 1e-6:", np.abs(num - ana).max() < 1e-6)

# float32 makes a tight tolerance fail
num32 = num.astype(np.float32)
print("float32 allclose at 1e-9:", np.allclose(num32, ana, rtol=1e-9, atol=0))
print("array_equal:", np.array_equal(num, ana), np.array_equal(ana, ana.copy()))

# loss curve: differences between steps, and where training stalled
loss = np.array([2.5, 1.9, 1.4, 1.1, 1.05, 1.04, 1.04, 0.9])
d = np.diff(loss)
print("step changes:", d.round(2))
print("stalled steps:", np.flatnonzero(np.isclose(d, 0, atol=0.02)))
print("second differences:", np.diff(loss, n=2).round(2))
print("range of loss:", np.ptp(loss))

# a 1-d loss curve has no axis 1
np.diff(loss, axis=1)
