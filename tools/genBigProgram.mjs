// Generates a long NumPy/torch learner-style program (for analyzer benchmarks and the
// robustness tests): `node tools/genBigProgram.mjs 5000 > big.py`. Deterministic.
export function bigProgram(lines) {
  const out = ['import numpy as np', 'import torch', 'import torch.nn as nn', ''];
  let k = 0;
  while (out.length < lines) {
    const n = 8 + (k % 5), d = 3 + (k % 7);
    out.push(
      `def block_${k}(X, W):`,
      `    h = X @ W + np.zeros(${d})`,
      `    return np.maximum(h, 0)`,
      '',
      `X_${k} = np.random.randn(${n}, ${d + 1})`,
      `W_${k} = np.random.randn(${d + 1}, ${d}) * 0.01`,
      `mu_${k} = X_${k}.mean(axis=0, keepdims=True)`,
      `Xn_${k} = (X_${k} - mu_${k}) / (X_${k}.std(axis=0) + 1e-8)`,
      `H_${k} = block_${k}(Xn_${k}, W_${k})`,
      `flat_${k} = H_${k}.reshape(-1)`,
      `onehot_${k} = np.eye(${d})[np.arange(${n}) % ${d}]`,
      `for i in range(0, ${n}, 4):`,
      `    xb = X_${k}[i:i+4]`,
      `    s = xb.sum(axis=1)`,
      `t_${k} = torch.from_numpy(H_${k}).float().unsqueeze(0)`,
      `lin_${k} = nn.Linear(${d}, 2)`,
      `o_${k} = lin_${k}(t_${k})`,
      '',
    );
    k++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(bigProgram(Number(process.argv[2] ?? 5000)));
}
