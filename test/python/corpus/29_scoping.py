counter = 0
history = []


def increment(step=1):
    global counter
    counter += step
    history.append(counter)
    return counter


def make_accumulator(start=0.0):
    total = start

    def add(x):
        nonlocal total
        total += x
        return total

    def reset():
        nonlocal total
        total = start

    return add, reset


add, reset = make_accumulator(10)
print(add(1), add(2.5))
reset()
print(add(0))
increment(); increment(5)
print(counter, history)

x = 10
y = x
del x
assert y == 10, "y should keep the value"
assert counter > 0
try:
    print(x)
except NameError as e:
    print("deleted:", e)


class Config:
    lr = 0.01
    scaled = [lr * k for k in range(3)]

    def describe(self):
        return f"lr={self.lr}"
