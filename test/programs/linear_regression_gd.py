import numpy as np

# y = 3x + 2 with a deterministic wiggle
x = np.linspace(0, 1, 20)
y = 3 * x + 2 + 0.1 * np.sin(10 * x)

w, b = 0.0, 0.0
lr = 0.5
for epoch in range(201):
    pred = w * x + b
    err = pred - y
    loss = (err ** 2).mean()
    dw = 2 * (err * x).mean()
    db = 2 * err.mean()
    w -= lr * dw
    b -= lr * db
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d}  loss {loss:.6f}  w {w:.4f}  b {b:.4f}")

print("final:", round(w, 3), round(b, 3))
print(type(w).__name__, type(loss).__name__)
