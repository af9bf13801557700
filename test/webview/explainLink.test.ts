// The operator hover's link to the explainer: the analyzer's operand shapes become a valid
// explainBroadcast/explainMatmul message (symbolic dims as text), the link's arguments
// round-trip, and a tampered argument is refused. The diagrams themselves are tested in
// inspector.browser.test.ts.
import { describe, expect, test } from 'vitest';
import { ExpressionIndex } from '../../src/extension/expressions';
import { callIsMatmul, EXPLAIN_COMMAND, explainCommandUri, explainRequest, parseExplainArg } from '../../src/extension/explainLink';
import type { AValue } from '../../src/analyzer/values';

const SRC = [
  'import numpy as np',
  'X = np.zeros((64, 784))',
  'b = np.zeros(784)',
  'y = X + b',
  'W = np.ones((784, 10))',
  'z = X @ W',
  'def f(H):  # shape: (B, 3)',
  '    return H * 2.0',
  'v = np.ones(10)',
  't = np.ones((2, 3, 4))',
  '',
].join('\n');

/** The explainer message for the operator `op` on line `line` (1-based) of SRC. */
function at(line: number, op: string): unknown {
  const lines = SRC.split('\n');
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + lines[line - 1].indexOf(` ${op} `) + 1;
  const index = ExpressionIndex.build(SRC);
  const hit = index.operatorAt(offset);
  expect(hit, `an operator at line ${line}`).toBeDefined();
  const name = (e: { range: { from: number; to: number } }): string => SRC.slice(e.range.from, e.range.to);
  return explainRequest(op, name(hit!.node.left), hit!.left, name(hit!.node.right), hit!.right);
}

function valueOf(name: string): AValue {
  const index = ExpressionIndex.build(`${SRC}${name}\n`);
  const r = index.at(SRC.length + 1);
  expect(r, name).toBeDefined();
  return r!.value;
}

describe('explainRequest', () => {
  test('a + b: broadcasting of the two shapes, labelled with the operand texts', () => {
    expect(at(4, '+')).toEqual({ type: 'explainBroadcast', op: '+', a: { label: 'X', shape: [64, 784] }, b: { label: 'b', shape: [784] } });
  });
  test('A @ B: the matmul explainer', () => {
    expect(at(6, '@')).toEqual({ type: 'explainMatmul', a: { label: 'X', shape: [64, 784] }, b: { label: 'W', shape: [784, 10] } });
  });
  test('symbolic dims travel as their text; a Python scalar is 0-d', () => {
    expect(at(8, '*')).toEqual({ type: 'explainBroadcast', op: '*', a: { label: 'H', shape: ['B', 3] }, b: { label: '2.0', shape: [] } });
  });
  test('an operand of unknown shape gives no link', () => {
    expect(explainRequest('+', 'a', { kind: 'unknown' }, 'b', valueOf('b'))).toBeUndefined();
  });
  test('np.dot is explained as matmul only for 1-D and 2-D operands', () => {
    expect(callIsMatmul('matmul', valueOf('t'), valueOf('W'))).toBe(true);
    expect(callIsMatmul('dot', valueOf('X'), valueOf('W'))).toBe(true);
    expect(callIsMatmul('dot', valueOf('W'), valueOf('v'))).toBe(true);
    expect(callIsMatmul('dot', valueOf('t'), valueOf('W'))).toBe(false);
    expect(callIsMatmul('dot', valueOf('X'), { kind: 'float' })).toBe(false);
    expect(callIsMatmul('outer', valueOf('X'), valueOf('W'))).toBe(false);
  });
});

describe('the command link', () => {
  test('round-trips through the command URI and the protocol validator', () => {
    const req = at(4, '+') as Parameters<typeof explainCommandUri>[0];
    const uri = explainCommandUri(req);
    expect(uri.startsWith(`command:${EXPLAIN_COMMAND}?`)).toBe(true);
    const args = JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))) as unknown[];
    expect(parseExplainArg(args[0])).toEqual(req);
  });
  test('an operand text with parentheses cannot end the markdown link early', () => {
    const req = { type: 'explainBroadcast' as const, op: '/', a: { label: '(X - mu)', shape: [32, 784] }, b: { label: 'X.std(axis=0)', shape: [784] } };
    const uri = explainCommandUri(req);
    expect(uri).not.toMatch(/[()\s]/);
    expect(parseExplainArg((JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))) as unknown[])[0])).toEqual(req);
  });
  test('a tampered or foreign argument is refused with the reason', () => {
    expect(parseExplainArg({ type: 'explainMatmul', a: { label: 'a', shape: [-1] }, b: { label: 'b', shape: [1] } })).toMatch(/explainMatmul\.a\.shape/);
    expect(parseExplainArg({ type: 'error', message: 'x' })).toBe('not an explainer: error');
    expect(parseExplainArg(undefined)).toMatch(/expected an object/);
  });
});
