counts = {"cat": 3, "dog": 0, "bird": 5}
totals = {"cat": 6, "dog": 0, "bird": 10}
for k in counts:
    ratio = counts[k] / totals[k]
    print(f"{k}: {ratio:.2f}")
