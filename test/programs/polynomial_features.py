import numpy as np

x = np.linspace(-1, 1, 5)
X = np.column_stack([x ** p for p in range(4)])
print("design matrix:")
print(X)
print(X.shape, X.dtype)
coef = np.array([1.0, -2.0, 0.5, 3.0])
y = X @ coef
print("y:", y)
for deg in range(4):
    print(f"x^{deg}: min {X[:, deg].min():+.3f} max {X[:, deg].max():+.3f}")
V = np.vstack([x ** p for p in range(3)]).T
print(V)
print(np.hstack([V, V[:, :1]]).shape)
