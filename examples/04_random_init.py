# 04 · Random initialisation: scale matters, shape is (fan_in, fan_out).
import numpy as np

np.random.seed(0)
fan_in, fan_out = 784, 128
W_small = np.random.randn(fan_in, fan_out) * 0.01
W_xavier = np.random.randn(fan_in, fan_out) * np.sqrt(1.0 / fan_in)
W_he = np.random.randn(fan_in, fan_out) * np.sqrt(2.0 / fan_in)
b = np.zeros(fan_out)
uniform = np.random.uniform(-0.1, 0.1, size=(fan_in, fan_out))

print(W_small.std(), W_xavier.std(), W_he.std())
