import numpy as np

x = np.arange(10)
for i in range(3)
    print(x[i])
