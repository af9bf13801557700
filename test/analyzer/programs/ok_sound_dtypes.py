import numpy as np
import torch

# NumPy 1.24 value-based casting: Python scalars and 0-d arrays count by value
i8 = np.ones(3, dtype=np.int8)
u8 = np.ones(3, dtype=np.uint8)
f32 = np.ones(3, dtype=np.float32)
b = np.array([True, False, True])
a1 = i8 + 1
a2 = i8 + 300
a3 = i8 * 100000
a4 = u8 - 1
a5 = u8 + -1
a6 = u8 * 256
a7 = b + 1
a8 = b * 2.5
a9 = b & True
a10 = f32 * 2.5
a11 = f32 + 1
a12 = i8 / 2
a13 = f32 / 2
a14 = i8 * 2.5
a15 = i8 + np.ones(3, dtype=np.int64).sum(keepdims=True).reshape(())
a16 = f32 * np.float64(3.0)
a17 = np.ones((2, 2), dtype=np.int16) // 3
a18 = np.exp(np.ones(3, dtype=np.int16))
a19 = np.sqrt(np.arange(4))
a20 = u8.sum(axis=0, keepdims=True)
a21 = np.linspace(0, 1, 5, dtype=np.float32)
a22 = np.ones(4, dtype=np.int32) * np.ones(4, dtype=np.int64)

# torch: a scalar of a higher category gives its default dtype
ti = torch.tensor([1, 2, 3])
tb = torch.tensor([True, False])
tf = torch.ones(3)
t1 = ti / 2
t2 = ti * 2.5
t3 = ti + 1
t4 = tb + 1
t5 = tb * 1.5
t6 = tf * 2
t7 = torch.ones(3, dtype=torch.int8) + 300
t8 = ti.sum(dim=0, keepdim=True)
t9 = torch.linspace(0, 1, 5)
