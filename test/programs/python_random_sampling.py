import random

random.seed(7)
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
hand = deck[:5]
print("hand:", hand)
print("sample:", random.sample(range(1, 50), 6))
print("dice:", [random.randint(1, 6) for _ in range(10)])
print("coin flips:", "".join(random.choice("HT") for _ in range(20)))
print("uniform:", round(random.uniform(-1, 1), 6), "random:", random.random())
weights = [random.gauss(0, 0.1) for _ in range(3)]
print("gauss:", [f"{w:.5f}" for w in weights])
