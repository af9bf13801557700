import re
from collections import Counter

text = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs!"""

tokens = re.findall(r"[a-z]+", text.lower())
counts = Counter(tokens)
vocab = ["<pad>", "<unk>"] + [w for w, c in counts.most_common() if c >= 1]
stoi = {w: i for i, w in enumerate(vocab)}
itos = dict(enumerate(vocab))


def encode(sentence, max_len=8):
    ids = [stoi.get(w, stoi["<unk>"]) for w in sentence.lower().split()]
    ids = ids[:max_len]
    return ids + [stoi["<pad>"]] * (max_len - len(ids))


def decode(ids):
    return " ".join(itos[i] for i in ids if i != 0)


enc = encode("the fox jumps over the cat")
print(enc)
print(decode(enc))
print(counts.most_common(3))
print("|".join(f"{w:>6}" for w in vocab[:5]))
line = "  padded\tline with\ttabs  "
print(line.strip().split("\t"), line.replace("\t", " "), repr(line))
print("a,b,,c".split(","), "-".join(["x", "y"]), "abc"[::-1], "x" * 3)
