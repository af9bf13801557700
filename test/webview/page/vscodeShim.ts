// Stands in for VS Code's acquireVsCodeApi inside the test iframe: messages go to the fake
// host (the parent page), and setState is kept by the parent so it survives a reload of the
// frame, as VS Code keeps a hidden webview's state. Loaded with the page's nonce.

interface Saved { value: unknown }
const parentHost = (window.parent as unknown as { __fakeHost: { savedState: Saved } }).__fakeHost;
let acquired = false;
(window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => {
  if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
  acquired = true;
  return {
    postMessage: (m: unknown) => window.parent.postMessage(m, '*'),
    getState: () => parentHost.savedState.value,
    setState: (s: unknown) => { parentHost.savedState.value = s; },
  };
};
