def depth(node):
    return 1 + depth(node)


print("start")
depth({"child": None})
