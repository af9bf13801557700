// The prefix of the hidden variables that scratch evaluation adds to capture each statement's
// value (instrument.ts writes them, evaluate.ts hides them). Its own module so evaluate.ts can
// use it without loading the parser at activation.
export const SNAPSHOT_PREFIX = '__shapelens_';
