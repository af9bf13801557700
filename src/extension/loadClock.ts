// Imported first by extension.ts so its timestamp is taken before the rest of the bundle
// loads: activation time = module load + activate().
export const LOAD_START = performance.now();
