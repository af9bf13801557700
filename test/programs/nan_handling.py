import numpy as np

data = np.array([1.0, np.nan, 3.0, 4.0, np.nan, 6.0])
print("has nan:", np.isnan(data).any(), "count:", np.isnan(data).sum())
print("mean with nan:", data.mean())
clean = data[~np.isnan(data)]
print("clean:", clean, "mean:", clean.mean())
filled = np.where(np.isnan(data), clean.mean(), data)
print("filled:", filled)
print("nan == nan:", np.nan == np.nan, np.array([np.nan]) == np.nan)
print("max with nan:", np.max(data), np.fmax(data, 0.0))
print(float("nan") in [float("nan")], np.isfinite(np.array([1.0, np.inf, np.nan])))
