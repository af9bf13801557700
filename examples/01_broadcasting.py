# 01 · Broadcasting: how NumPy lines up shapes.
# Hover an operator (+, -, *) to see the alignment; each hint shows the result's shape.
import numpy as np

a = np.arange(12).reshape(3, 4)     # a matrix
row = np.array([10, 20, 30, 40])    # shape (4,): matches a's last dim
col = np.array([[1], [2], [3]])     # shape (3, 1): a column

a_plus_row = a + row                # (3, 4) + (4,)   -> (3, 4)
a_plus_col = a + col                # (3, 4) + (3, 1) -> (3, 4)
outer = col * row                   # (3, 1) * (4,)   -> (3, 4): an outer product
scaled = a * 0.5                    # a scalar broadcasts everywhere

print(a_plus_row)
print(outer.shape)
