export async function runUiTests() { return []; }
