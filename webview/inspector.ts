// Entry point of the inspector webview bundle (out/webview/inspector.js): connects to the
// host (VS Code's acquireVsCodeApi, or the plain-page fallback) and starts the app in #app.
// No work happens at import time beyond that.

import { InspectorApp } from './app';
import { HostBridge } from './host';

const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
const app = new InspectorApp(root, new HostBridge());
app.start();
