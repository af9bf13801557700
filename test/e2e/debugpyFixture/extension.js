// Test fixture (not part of Shape Lens): the debug type `shape-lens-test-debugpy`, whose adapter
// is a real debugpy (`/usr/bin/python3 -m debugpy.adapter`, Debian's python3-debugpy) talking
// DAP over stdio. test/e2e/run.mjs packages this folder and installs it beside Shape Lens so the
// live-debugging suite needs no Python extension from a marketplace (installed as a .vsix).
// SHAPE_LENS_PYTHON overrides the interpreter.
const vscode = require('vscode');

exports.activate = (context) => {
  const python = process.env.SHAPE_LENS_PYTHON || '/usr/bin/python3';
  context.subscriptions.push(vscode.debug.registerDebugAdapterDescriptorFactory('shape-lens-test-debugpy', {
    createDebugAdapterDescriptor: () => new vscode.DebugAdapterExecutable(python, ['-m', 'debugpy.adapter']),
  }));
};
exports.deactivate = () => undefined;
