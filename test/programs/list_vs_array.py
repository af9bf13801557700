import numpy as np

lst = [1, 2, 3]
arr = np.array(lst)
print(lst * 2, arr * 2)
print(lst + [4], arr + 4)
print([x ** 2 for x in lst], arr ** 2)
print(sum(lst), arr.sum(), type(sum(lst)).__name__, type(arr.sum()).__name__)
print(len(lst), len(arr), arr.size)
print(lst[::-1], arr[::-1])
print(list(arr), arr.tolist(), [type(v).__name__ for v in list(arr)][:1], type(arr.tolist()[0]).__name__)
print(3 in lst, 3 in arr, np.array([[1, 2], [3, 4]]).tolist())
nested = [[1, 2], [3, 4]]
print(np.array(nested).T, [list(r) for r in zip(*nested)])
