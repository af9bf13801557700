class Resource:
    def __init__(self, name):
        self.name = name
        self.open = True
        print("open", name)

    def close(self):
        self.open = False
        print("close", self.name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def work(fail):
    r = Resource("file")
    try:
        if fail:
            raise RuntimeError("disk full")
        return "ok"
    finally:
        r.close()


print(work(False))
try:
    work(True)
except RuntimeError as e:
    print("error:", e)
with Resource("ctx") as r:
    print("using", r.name, r.open)
print("after with:", r.open)
with Resource("ctx2"):
    raise KeyError("oops")
