# Non-ASCII source: columns after these characters differ between bytes and UTF-16 units.
température = 21.5
π = 3.14159
données = {"clé": "valeur", "emoji": "😀 ok"}
print(f"θ = {π / 4:.3f} rad — {température}°C", données["clé"])
λ = lambda α, β=2: α * β
σ2 = [x ** 2 for x in (1, 2)]; print(λ(π), "→", σ2)
naïve = "日本語のテキスト"; n = len(naïve)
emoji = "🙂🙃" + "x"; after = emoji[1:]
print(n, after, "🚀"[0], 'ß'.upper())
