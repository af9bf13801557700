import numpy as np

x = np.linspace(0, 1, 5)
print(x)
steps = np.arrange(0, 10, 2)
