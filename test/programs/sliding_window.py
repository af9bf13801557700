import numpy as np

signal = np.array([2.0, 4.0, 6.0, 8.0, 10.0, 9.0, 7.0, 5.0, 3.0, 1.0])
k = 3
loop_avg = []
for i in range(len(signal) - k + 1):
    window = signal[i:i + k]
    loop_avg.append(window.mean())
print("loop:", np.array(loop_avg))

c = np.cumsum(np.concatenate([[0.0], signal]))
fast = (c[k:] - c[:-k]) / k
print("cumsum:", fast)
print("equal:", np.allclose(loop_avg, fast))
diffs = np.diff(signal)
print("diffs:", diffs, "peaks at:", [i for i in range(1, len(signal) - 1) if signal[i - 1] < signal[i] > signal[i + 1]])
