// The typing stress test's program and its edits, shared by the real-editor stress test
// (test/e2e/suite/stress.e2e.ts) and its in-process twin in robustness.test.ts: a 500-line
// learner-style NumPy/torch program, typed character by character for its first lines and
// then word by word. Pure: no vscode, no I/O.

/** A learner-style program: functions, an nn.Module, loops, batching, broadcasting; 500 lines. */
export function stressProgram(lines = 500): string {
  const out = ['import numpy as np', 'import torch', 'import torch.nn as nn', ''];
  for (let k = 0; out.length < lines; k++) {
    const d = 3 + (k % 5), n = 16 + 4 * (k % 3);
    out.push(
      `def layer_${k}(x, w, b):`,
      `    """affine + relu"""`,
      `    return np.maximum(x @ w + b, 0.0)`,
      '',
      `class Net${k}(nn.Module):`,
      `    def __init__(self):`,
      `        super().__init__()`,
      `        self.fc = nn.Linear(${d}, 2)`,
      '',
      `    def forward(self, x):`,
      `        return torch.relu(self.fc(x))`,
      '',
      `X_${k} = np.random.randn(${n}, ${d})`,
      `W_${k} = np.random.randn(${d}, ${d}) * 0.1`,
      `b_${k} = np.zeros(${d})`,
      `H_${k} = layer_${k}(X_${k}, W_${k}, b_${k})`,
      `mu_${k}, sd_${k} = H_${k}.mean(axis=0), H_${k}.std(axis=0)`,
      `Z_${k} = (H_${k} - mu_${k}) / (sd_${k} + 1e-5)  # normalise`,
      `labels_${k} = np.arange(${n}) % ${d}`,
      `onehot_${k} = np.eye(${d})[labels_${k}]`,
      `for i in range(0, ${n}, 4):`,
      `    xb = Z_${k}[i:i + 4]`,
      `    yb = onehot_${k}[i:i + 4]`,
      `    err = ((xb - yb) ** 2).sum(axis=1, keepdims=True)`,
      `t_${k} = torch.from_numpy(Z_${k}).float()`,
      `out_${k} = Net${k}()(t_${k})`,
      `logits_${k} = out_${k}.reshape(-1, 2)`,
      `print(logits_${k}.shape, {"k": ${k}, "s": [1, 2, (3, 4)]})`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

export const CHAR_LINES = 30;

/** The edits: each character of the first `CHAR_LINES` lines, then whitespace + word chunks. */
export function typingUnits(src: string): string[] {
  const head = src.split('\n').slice(0, CHAR_LINES).join('\n') + '\n';
  const words = src.slice(head.length).match(/\s*\S+/g) ?? [];
  const typed = head + words.join('');
  return [...head, ...words, ...(typed.length < src.length ? [src.slice(typed.length)] : [])];
}
