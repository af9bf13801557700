# A scratch file: select lines and press Ctrl+Alt+Enter (Shape Lens: Evaluate Selection),
# or Ctrl+Alt+Shift+Enter to run the whole file. No Python install needed.
import numpy as np

x = np.linspace(0, 1, 5)
y = x ** 2
print(y)
A = np.arange(6).reshape(2, 3)
A.T @ A
