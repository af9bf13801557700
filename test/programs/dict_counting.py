from collections import Counter, defaultdict

text = """the quick brown fox jumps over the lazy dog the fox
barks and the dog sleeps while the quick fox runs"""
words = text.split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(len(words), "words,", len(freq), "unique")
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for w, n in top:
    print(f"{w:>6} {'#' * n}")
c = Counter(words)
print(c.most_common(3))
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
for n in sorted(by_len):
    print(n, by_len[n])
print({k: len(v) for k, v in by_len.items()})
