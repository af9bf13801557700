import numpy as np

readings = np.array([12.5, -3.0, 48.0, 7.25, 100.0, 0.0, 23.0, -0.5])
valid = (readings >= 0) & (readings <= 50)
print("valid mask:", valid)
print("valid readings:", readings[valid], "count:", valid.sum())
print("invalid at:", np.nonzero(~valid)[0])

clipped = np.where(readings > 50, 50, readings)
clipped = np.where(clipped < 0, 0, clipped)
print("clipped:", clipped)
print("same as np.clip:", np.array_equal(clipped, np.clip(readings, 0, 50)))

readings[~valid] = readings[valid].mean()
print("imputed:", readings)
grid = np.arange(16).reshape(4, 4)
grid[grid % 2 == 1] *= -1
print(grid)
print("diagonal:", grid[np.arange(4), np.arange(4)])
rows, cols = np.where(grid < -8)
print(list(zip(rows.tolist(), cols.tolist())))
