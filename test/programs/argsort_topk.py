import numpy as np

scores = np.array([0.12, 0.87, 0.45, 0.91, 0.33, 0.76])
names = ["a", "b", "c", "d", "e", "f"]
order = np.argsort(scores)[::-1]
print("ranking:", order)
for rank, i in enumerate(order[:3], start=1):
    print(f"#{rank}: {names[i]} ({scores[i]:.2f})")
print("sorted:", np.sort(scores))
logits = np.array([[2.0, 0.5, 1.0], [0.1, 0.3, 0.2]])
top2 = np.argsort(-logits, axis=1)[:, :2]
print("top-2 per row:", top2)
labels = np.array([0, 1])
print("top-2 accuracy:", np.mean([labels[i] in top2[i] for i in range(2)]))
