def make_logger(prefix):
    lines = []

    def log(msg, *args):
        text = prefix + msg.format(*args)
        lines.append(text)
        print(text)
        return len(lines)

    log.history = lines
    return log


def call_count(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    return wrapper


@call_count
def square(x):
    return x * x


train_log = make_logger("[train] ")
train_log("epoch {} loss {:.3f}", 1, 0.5)
train_log("epoch {} loss {:.3f}", 2, 0.25)
print(train_log.history)
print([square(i) for i in range(5)], square.calls, square.__name__)
