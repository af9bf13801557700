import numpy as np

features = np.zeros((100, 20))
extra = np.zeros((90, 5))
combined = np.concatenate([features, extra], axis=1)
