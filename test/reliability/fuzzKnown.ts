// Fuzz cases the engine still gets wrong, each with the bug's key. fuzz.test.ts asserts they
// still differ from NumPy (so a fix must delete its entries) and that every other case matches.
// Keys name the bug; RELIABILITY.md lists each with its fix and regression test.

export const BUGS = {
  clipNaN: 'np.clip with a NaN scalar bound (NumPy 1.24: deprecated, means no bound)',
  clipLayout: 'np.clip allocates C order where NumPy keeps the input order (K)',
  linearLoop: "ufuncs with NumPy's default type resolver pick their loop from result_type, not NumPy's linear search",
  boolPos: '+a on a 0-d bool array returns a 0-d array (NumPy: a bool scalar)',
  intProd: 'int32 prod multiplies in doubles past 2**53 before wrapping',
} as const;

/** case id → key in BUGS (FIXME: each entry is a known engine bug) */
export const KNOWN_MISMATCHES: Readonly<Record<string, keyof typeof BUGS>> = {
  'elementwise-311': 'boolPos',
  'mixed-882': 'clipLayout',
  'elementwise-281': 'clipNaN',
  'mixed-449': 'clipNaN',
  'reductions-792': 'intProd',
  'combine-545': 'linearLoop',
};
