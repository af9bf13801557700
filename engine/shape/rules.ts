// All shape rules in one namespace, for the analyzer and for the engine's public API.
export * from './dim';
export * from './result';
export * from './axes';
export * from './broadcast';
export * from './reduce';
export * from './reshape';
export * from './manipulation';
