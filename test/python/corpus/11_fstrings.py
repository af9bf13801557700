import numpy as np

name = "weights"
W = np.ones((3, 4))
loss = 0.123456789
epoch, total = 7, 100
width = 10
precision = 3

print(f"{name}: shape={W.shape} dtype={W.dtype}")
print(f"{name!r} {name!s} {name!a}")
print(f"loss = {loss:.4f}, {loss:>{width}.{precision}f}|")
print(f"{epoch=} {loss=:.2e} {total = }")
print(f"progress: {epoch / total:6.1%} [{'#' * epoch:<{width}}]")
print(f"{{literal braces}} and {W.sum():g}")
print(f"nested: {', '.join(f'{v:.1f}' for v in W[0])}")
print(f'single quotes {W.shape[0]} and "doubles"')
print(F"upper F {epoch}" f" and continued {total}" " plain")
msg = (
    f"epoch {epoch:03d}/{total} "
    f"loss {loss:.3f} "
    "done"
)
print(msg)
print(rf"raw \n {epoch}", fr"also raw \t {total}")
print(f"{'a' if epoch > 3 else 'b'} {[i * 2 for i in range(3)]} {dict(a=1)['a']}")
print(f"""multi
line {epoch}
""")
print(f"{W.shape[0]:{width}}|{loss:+.2f}|{epoch:#x}|{total:,}|")
