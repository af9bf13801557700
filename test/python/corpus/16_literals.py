# Numbers
a = 42
b = 1_000_000
c = 0xFF + 0o17 + 0b1010 + 0x_dead_BEEF
big = 123456789012345678901234567890
huge = 2 ** 64
bigger = 18446744073709551617
neg = -9007199254740993
f1 = 3.14
f2 = 1e-8
f3 = 6.02e23
f4 = .5
f5 = 1.
f6 = 1.e5
f7 = 1_000.000_1
f8 = 1e400
f9 = 0.1 + 0.2
z1 = 2j
z2 = 1.5J
z3 = 1e3j
z4 = 1.j
zero = 0
zeros = 000
small = 1e-320
sci = 12345678901234567.0

# Strings and escapes
s1 = 'single'
s2 = "double"
s3 = '''triple
single'''
s4 = """triple "double" """
s5 = 'tab\there\nnewline \\ backslash \' quote \"'
s6 = "\x41\u00e9\U0001F600\101\0\7\a\b\f\v\r"
s7 = r"raw \n stays \d+"
s8 = R'raw \'quoted\''
s9 = u"unicode prefix"
s10 = "implicit " 'concatenation ' """works"""
s11 = "line \
continuation"
s12 = "\N{GREEK SMALL LETTER ALPHA} \N{DEGREE SIGN}"
s13 = "unknown \q escape"
s14 = 'caf\u00e9 naïve 日本 😀'
s15 = ''
s16 = """"""

# Bytes
b1 = b"bytes"
b2 = B'\x00\xff\n'
b3 = rb"\d+" + Rb'\x' + bR"x" + br'y'
b4 = b"con" b"cat"
b5 = b'\777'

# Others
t, fa, no, el = True, False, None, ...
