# Valid Python that trips naive parsers.
print -1
print, x = 1, 2
print = print
print
print(print)
print .__name__
x = 1 if True else 2
y = [1, 2, 3][::-1][0]
z = (yield_ := 3)
match = 5
case = match + 1
type = "keyword-looking names"
_ = [match, case, type]
a = b = c = d = None
s = ("implicit"
     " concatenation"
     f" with {x!r:>{y}} fields")
t = """tab	inside"""
u = '''it's'''
v = "\\"
w = r'\'' 
big = 0b1111_0000 * 0o7_7 + 0X_Ff + 1_0.0_1e+1_0 + 0.0 + 00.5 + 0e0 + 0_0
q = not -x ** -2 // ~+1
lam = lambda *a, k=1, **kw: (a, k, kw)
gen = (i for i in range(3) if i if not i - 1)
comp = {k: v for k, v in zip("ab", (1, 2))}
nested = [[[]]]
sl = nested[0][0][:]
cond = x if y else z if a else b
chain = 1 < 2 <= 3 != 4 == 4 > 0 >= 0
ident = x is not y, x not in [1], x in [2], x is None
star, *rest = *range(3), 4
f"{x}" f'{y}' F"{z}" rf"{a}" fR'{b}' Rf"""{c}""" FR'''{d}'''
