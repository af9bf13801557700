// The 1,000-line program for the latency measurements (written into the test workspace as
// big.py): a training script's blocks repeated, ending with `z = np.zeros((3, 4))`, whose
// hint the measurements change by typing.
export function bigProgram(lines = 1000) {
  const out = ['import numpy as np', 'rng = np.random.default_rng(0)', 'X = rng.standard_normal((512, 784))', 'y = rng.integers(0, 10, size=512)'];
  let i = 0;
  while (out.length < lines - 1) {
    out.push(
      `W${i} = np.random.randn(784, 64) * 0.01`,
      `b${i} = np.zeros(64)`,
      `h${i} = np.maximum(X @ W${i} + b${i}, 0)`,
      `mu${i} = h${i}.mean(axis=0, keepdims=True)`,
      `hn${i} = (h${i} - mu${i}) / (h${i}.std(axis=0) + 1e-5)`,
      `onehot${i} = np.eye(10)[y]`,
      `logits${i} = hn${i} @ np.random.randn(64, 10)`,
      `loss${i} = ((logits${i} - onehot${i}) ** 2).mean()`,
      `# block ${i}`,
      '',
    );
    i++;
  }
  out.length = lines - 1;
  out.push('z = np.zeros((3, 4))');
  return out.join('\n') + '\n';
}
