// `npm run demo` until the extension lands: runs a learner's first NumPy steps through the
// engine and prints what NumPy prints, including a broadcasting error with NumPy's text.
import { NumpyError } from '../engine/core/errors';
import { arrayStr } from '../engine/format';
import { callFunction as np, callMethod, getAttribute, getItem } from '../engine/pycall';
import { NDArray } from '../engine/core/ndarray';
import { PyFloat } from '../engine/core/scalar';
import { PyTuple } from '../engine/core/pyvalues';

function show(label: string, v: unknown): void {
  const text = v instanceof NDArray ? arrayStr(v) : v instanceof PyTuple ? `(${v.items.join(', ')}${v.items.length === 1 ? ',' : ''})` : String(v);
  console.log(`>>> ${label}\n${text}`);
}

const X = np('reshape', [np('arange', [12]), new PyTuple([4, 3])]) as NDArray;
show('X = np.arange(12).reshape(4, 3)', X);
const mu = callMethod(X, 'mean', [], { axis: 0 }) as NDArray;
show('X.mean(axis=0)', mu);
const sd = callMethod(X, 'std', [], { axis: 0 }) as NDArray;
const Xn = np('true_divide', [np('subtract', [X, mu]), sd]) as NDArray;
show('(X - X.mean(axis=0)) / X.std(axis=0)', Xn);
show('_.shape', getAttribute(Xn, 'shape'));
const labels = np('array', [[0, 2, 1, 2]]) as NDArray;
const onehot = getItem(np('eye', [3]) as NDArray, labels) as NDArray;
show('np.eye(3)[np.array([0, 2, 1, 2])]', onehot);
show('_.sum(axis=0)', callMethod(onehot, 'sum', [], { axis: 0 }));
show('np.linspace(0, 1, 5) * 2.5', np('multiply', [np('linspace', [0, 1, 5]), new PyFloat(2.5)]));
try {
  np('add', [np('ones', [new PyTuple([2, 3])]), np('ones', [new PyTuple([2])])]);
} catch (e) {
  if (!(e instanceof NumpyError)) throw e;
  console.log(`>>> np.ones((2, 3)) + np.ones(2)\n${e.pyType}: ${e.message}`);
}
