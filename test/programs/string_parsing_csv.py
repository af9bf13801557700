import numpy as np

raw = """sepal_length,sepal_width,species
5.1,3.5,setosa
4.9,3.0,setosa
6.2,2.9,versicolor
5.9,3.0,virginica
6.0,2.2,versicolor
"""
lines = raw.strip().splitlines()
header = lines[0].split(",")
rows = [line.split(",") for line in lines[1:]]
features = np.array([[float(v) for v in r[:2]] for r in rows])
species = [r[2] for r in rows]
print(header)
print(features)
names = sorted(set(species))
y = np.array([names.index(s) for s in species])
print(names, y)
for name in names:
    sel = features[y == names.index(name)]
    print(f"{name:<11} n={len(sel)} mean={sel.mean(axis=0)}")
print("widest:", rows[int(features[:, 1].argmax())])
