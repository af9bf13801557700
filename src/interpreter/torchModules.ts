// torch.nn modules inside the interpreter. Every module is a PyInstance of a subclass of
// `nn.Module` paired with an engine Module (engine/torch/modules.ts) that holds its parameters
// and submodules in registration order: built-in layers (`nn.Linear(3, 4)`) are instances of
// their own class, and a user subclass (`class Net(nn.Module)`) gets its engine Module from
// `super().__init__()`. Attribute assignment registers Parameters and Modules as torch's
// `Module.__setattr__` does; calling a module runs `forward` and, when it raises, adds the frames
// torch's own Python code shows (`_call_impl`, the layer's forward). Nothing is computed here.

import * as TP from '../../engine/torch/pycall';
import * as M from '../../engine/torch/modules';
import { Tensor } from '../../engine/torch/tensor';
import { NumpyError } from '../../engine/core/errors';
import { pyError, PyRaise } from './errors';
import { callMethod } from './objects';
import { addFrames, fromTorch, toTorch, torchEngine, withTorchFrames } from './torchbind';
import { MODULE_DIR, TORCH_FRAMES } from './torchFrames';
import { Kwargs, PyBuiltin, PyClass, PyInstance, PyIterator, T_OBJECT, Value } from './values';

export const T_NN_MODULE = new PyClass('Module', [T_OBJECT], 'torch.nn.modules.module');

const engineOf = new WeakMap<PyInstance, M.Module>();
const wrapperOf = new WeakMap<M.Module, PyInstance>();

export function engineModuleOf(v: PyInstance): M.Module | undefined {
  return engineOf.get(v);
}

function link(inst: PyInstance, m: M.Module): PyInstance {
  engineOf.set(inst, m);
  wrapperOf.set(m, inst);
  return inst;
}

/** The file of each built-in layer's class (`torch.nn.modules.linear.Linear`). */
const LAYER_FILES: Record<string, string> = {
  Linear: 'linear', Identity: 'linear', Conv2d: 'conv', MaxPool2d: 'pooling', ReLU: 'activation', Sigmoid: 'activation',
  Tanh: 'activation', Softmax: 'activation', LogSoftmax: 'activation', Flatten: 'flatten', Dropout: 'dropout',
  Sequential: 'container', CrossEntropyLoss: 'loss', NLLLoss: 'loss', MSELoss: 'loss',
};

export const isNnModuleName = (name: string): boolean => name in LAYER_FILES && TP.isModuleName(name);

const layerClasses = new Map<string, PyClass>();

/** `nn.Linear` etc.: a class whose call builds the engine layer. */
export function nnModuleClass(name: string): PyClass {
  let c = layerClasses.get(name);
  if (c) return c;
  c = new PyClass(name, [T_NN_MODULE], `torch.nn.modules.${LAYER_FILES[name]}`);
  const cls = c;
  c.nativeCall = (args, kw) => {
    const m = torchEngine(() => TP.makeModule(name, args.map(toTorch), kwargsToTorch(kw)));
    return link(new PyInstance(cls), m);
  };
  if (name === 'Sequential') {
    for (const meth of ['__len__', '__getitem__', '__iter__']) {
      c.dict.set(meth, method(meth, (self, args) => {
        const r = fromTorch(torchEngine(() => TP.callModuleMethod(requireEngine(self), meth, args.map(toTorch))));
        return meth === '__iter__' ? new PyIterator((r as Value[])[Symbol.iterator](), 'iterator') : r;
      }));
    }
  }
  layerClasses.set(name, c);
  return c;
}

/** The PyInstance of an engine module the interpreter did not create (a Sequential slice). */
export function wrapEngineModule(m: M.Module): PyInstance {
  const w = wrapperOf.get(m);
  if (w) return w;
  const cls = isNnModuleName(m.typeName) ? nnModuleClass(m.typeName) : T_NN_MODULE;
  return link(new PyInstance(cls), m);
}

function kwargsToTorch(kw: Kwargs | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (kw) for (const k of Object.keys(kw)) out[k] = toTorch(kw[k]);
  return out;
}

function requireEngine(self: Value): M.Module {
  const m = self instanceof PyInstance ? engineOf.get(self) : undefined;
  if (!m) {
    // torch's own error when __init__ did not run: its attribute tables are missing
    const name = self instanceof PyInstance ? self.cls.name : 'Module';
    throw pyError('AttributeError', `'${name}' object has no attribute '_parameters'`);
  }
  return m;
}

function method(name: string, fn: (self: Value, args: Value[], kw: Kwargs | null) => Value): PyBuiltin {
  return new PyBuiltin(name, (args, kw) => fn(args[0], args.slice(1), kw), true, undefined, `Module.${name}`);
}

const isUserForward = (cls: PyClass): boolean => !(cls.lookup('forward') instanceof PyBuiltin);

/** `module(*args)`: forward, with torch's frames added when it raises. */
function callModule(self: PyInstance, args: Value[], kw: Kwargs | null): Value {
  const m = requireEngine(self);
  try {
    if (m instanceof M.Sequential) return sequentialForward(m, args, kw);
    if (isUserForward(self.cls)) return callMethod(self, 'forward', args, kw);
    const key = TORCH_FRAMES[m.typeName] ? m.typeName : m.typeName === 'Module' || !isNnModuleName(m.typeName) ? 'forward_unimplemented' : '';
    return withTorchFrames(key, () => fromTorch(TP.callModule(m, args.map(toTorch), kwargsToTorch(kw))));
  } catch (e) {
    const r = e instanceof NumpyError ? torchEngine(() => { throw e; }) : e;
    if (r instanceof PyRaise) addFrames(r, TORCH_FRAMES.call);
    throw r;
  }
}

/** nn.Sequential's forward in Python terms, so each layer's call shows its own frames. */
function sequentialForward(m: M.Sequential, args: Value[], kw: Kwargs | null): Value {
  let x: Value = args[0];
  let first = true;
  for (const child of m.children.values()) {
    if (!child) continue;
    const w = wrapEngineModule(child);
    try {
      x = first ? callModule(w, args, kw) : callModule(w, [x], null);
    } catch (e) {
      if (e instanceof PyRaise) addFrames(e, TORCH_FRAMES.Sequential);
      throw e;
    }
    first = false;
  }
  return x;
}

/** Module methods that go straight to the engine. Those marked true return generators in torch. */
const ENGINE_METHODS: Record<string, boolean> = {
  parameters: true, named_parameters: true, children: true, named_children: true, modules: true,
  train: false, eval: false, zero_grad: false, requires_grad_: false, cpu: false, cuda: false, float: false, double: false,
  to: false, add_module: false, register_module: false, register_parameter: false, extra_repr: false,
};

T_NN_MODULE.dict.set('__init__', method('__init__', (self, args, kw) => {
  if (args.length > 0 || (kw && Object.keys(kw).length > 0)) {
    throw pyError('TypeError', `Module.__init__() takes 1 positional argument but ${args.length + 1} were given`);
  }
  if (!(self instanceof PyInstance) || engineOf.has(self)) return null;
  const m = TP.makeModule('Module', []);
  m.typeName = self.cls.name;
  // the engine calls this only when it runs the module itself; without a forward it raises torch's error
  if (isUserForward(self.cls)) m.userForward = (a, k) => toTorch(callModule(self, a.map(fromTorch), k as Kwargs));
  link(self, m);
  return null;
}));
T_NN_MODULE.dict.set('__call__', method('__call__', (self, args, kw) => callModule(self as PyInstance, args, kw)));
T_NN_MODULE.dict.set('forward', method('forward', (self, args, kw) => {
  const m = requireEngine(self);
  const key = TORCH_FRAMES[m.typeName] ? m.typeName : 'forward_unimplemented';
  return withTorchFrames(key, () => fromTorch(TP.callModule(m, args.map(toTorch), kwargsToTorch(kw))));
}));
T_NN_MODULE.dict.set('__repr__', method('__repr__', (self) => requireEngine(self).repr()));
T_NN_MODULE.dict.set('__getattr__', method('__getattr__', (self, args) => {
  const name = String(args[0]);
  const v = TP.getModuleAttribute(requireEngine(self), name);
  if (v !== undefined) return fromTorch(v);
  const r = pyError('AttributeError', `'${(self as PyInstance).cls.name}' object has no attribute '${name}'`);
  r.exc.dict.set('name', name);
  r.exc.dict.set('obj', self);
  addFrames(r, TORCH_FRAMES.getattr);
  throw r;
}));
for (const [name, generator] of Object.entries(ENGINE_METHODS)) {
  T_NN_MODULE.dict.set(name, method(name, (self, args, kw) => {
    const r = fromTorch(torchEngine(() => TP.callModuleMethod(requireEngine(self), name, args.map(toTorch), kwargsToTorch(kw))));
    return generator ? new PyIterator((r as Value[])[Symbol.iterator](), 'generator') : r;
  }));
}

/**
 * `module.name = value` as torch's Module.__setattr__ does it: Parameters and Modules are
 * registered; a registered name only takes its own kind (or None). False: a plain attribute.
 */
export function nnSetAttr(inst: PyInstance, name: string, value: Value): boolean {
  const m = engineOf.get(inst);
  const v = toTorch(value);
  const isParam = v instanceof Tensor && v.isParameter;
  if (v instanceof M.Module || isParam) {
    if (!m) throw pyError('AttributeError', `cannot assign ${isParam ? 'parameters' : 'module'} before Module.__init__() call`);
    inst.dict.delete(name);
    torchEngine(() => TP.setModuleAttribute(m, name, v));
    return true;
  }
  if (m && (m.params.has(name) || m.children.has(name))) {
    torchEngine(() => TP.setModuleAttribute(m, name, v));
    return true;
  }
  return false;
}

/** dir(module) as torch's Module.__dir__ lists it: class attributes, __dict__, parameters, submodules. */
export function nnModuleDir(inst: PyInstance): string[] {
  const names = new Set<string>(MODULE_DIR);
  for (const c of inst.cls.mro) if (c !== T_NN_MODULE) for (const k of c.dict.keys()) names.add(k);
  for (const k of inst.dict.keys()) names.add(k);
  const m = engineOf.get(inst);
  if (m) for (const k of [...m.params.keys(), ...m.children.keys()]) names.add(k);
  return [...names].sort();
}

export const isNnModule = (v: Value): v is PyInstance => v instanceof PyInstance && v.cls.isSubclassOf(T_NN_MODULE);
