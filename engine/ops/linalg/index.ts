// np.linalg for the engine: one namespace over the files beside it (LU-based inv/solve/det,
// Cholesky, QR, SVD and what is built on it, symmetric and general eigenproblems, norm) and
// the GEMM kernel that matmul shares. Array-level functions only; Python argument handling
// is engine/linalgPycall.ts, shape rules are engine/shape/matmul.ts.

export { gemm } from './gemm';
export type { Accumulate } from './gemm';
export { inv, det, slogdet, solve, getrf, getrs } from './lu';
export { cholesky, potrf } from './cholesky';
export { qr, geqrf, orgqr } from './qr';
export { svd, svdDecompose } from './svd';
export type { SvdResult } from './svd';
export { eigh, eigvalsh, eighDecompose } from './eigh';
export { eig, eigvals, eigDecompose } from './eig';
export { lstsq, pinv, matrixRank } from './leastSquares';
export type { Rcond } from './leastSquares';
export { norm } from './norm';
export { linalgResultType } from './batch';
