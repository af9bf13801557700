results = [
    ("linear", 0.8123, 12.5, 1024),
    ("mlp-small", 0.9231, 48.25, 54321),
    ("mlp-large", 0.94567, 310.0, 1234567),
    ("cnn", 0.98888, 1234.5678, 98765432),
]
print(f"{'model':<12}|{'acc':>8}|{'time(s)':>10}|{'params':>14}")
print("-" * 47)
for name, acc, secs, params in results:
    print(f"{name:<12}|{acc:>8.2%}|{secs:>10.2f}|{params:>14,}")
best = max(results, key=lambda r: r[1])
print("\nbest: %s with %.1f%% accuracy" % (best[0], best[1] * 100))
print("{:=^47}".format(" summary "))
print("mean acc: {:.4f}, total params: {:_}".format(sum(r[1] for r in results) / len(results), sum(r[3] for r in results)))
print("times: " + ", ".join(f"{r[2]:.3g}" for r in results))
print(f"{3.14159265:e}  {0.000012345:.2e}  {123456789:.3e}  {1e-10}")
print("%-10s|%6.2f|%04d|%x|%+.1e" % ("row", 2.5, 42, 255, -12345.678))
print(repr("tab\tand newline\n"), ascii("naïve"), "ok".center(10, "."))
