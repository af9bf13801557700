// The @lezer/python parser with a fix for false syntax errors in long files.
//
// @lezer/lr guards against very deep left-associative trees by counting "big" reductions
// (≥ 2,000 characters from the same start) of named nodes and, past 300 of them, forcing the
// stack out of the production. It decides "named" with `nodeSet.types[term]?.isAnonymous`,
// so a grammar-internal term that has no node type (undefined there) counts as named. In the
// Python grammar the top-level statement list with blank lines is such a term: after ~300
// statements separated by blank lines past the 2,000th character, every statement reduction
// counts, and the forced reduction splits a statement (`x512 = 1` became `x512` + an error
// node) — false 'invalid syntax' in any file of a few hundred lines with blank lines.
//
// The fix gives every internal term an anonymous node type, so the guard skips them as it
// skips other anonymous nodes. These types never reach a tree: only node terms
// (< minRepeatTerm) and repeat reductions are stored, and those keep their own types.
import { NodeSet, NodeType } from '@lezer/common';
import { parser as lezerPython } from '@lezer/python';
import type { LRParser } from '@lezer/lr';

function withInternalTermsAnonymous(base: LRParser): LRParser {
  const types = base.nodeSet.types;
  const extra: NodeType[] = [];
  // `maxTerm` (the highest term id) is set by LRParser but missing from its type declarations
  const maxTerm = (base as unknown as { maxTerm: number }).maxTerm;
  for (let id = types.length; id <= maxTerm; id++) extra.push(NodeType.define({ id }));
  const copy = base.configure({});
  // `nodeSet` is a readonly public field; `configure` returns a fresh copy, so replacing it
  // changes no other user of the shared parser.
  (copy as { nodeSet: NodeSet }).nodeSet = new NodeSet([...types, ...extra]);
  return copy;
}

export const pythonParser: LRParser = withInternalTermsAnonymous(lezerPython);
