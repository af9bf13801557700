// Loads the JS peers from bench/node_modules (installed by tools/bench.mjs with
// --ignore-scripts), each on its own: a peer that fails to load is reported with the reason
// and the others still run. numjs is loaded without its `images` module, the only user of
// `sharp` (a native image library whose install script cannot run here); the array API we
// time does not touch it. Nothing here times anything.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'package.json'));

/** A peer's installed version, read from its package.json on disk (some `exports` maps hide it). */
function version(name) {
  try { return JSON.parse(readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return null; }
}

/** The peers loadPeers tries, by the package names it reports them under. */
const PEER_PACKAGES = ['@tensorflow/tfjs-core', 'ndarray', 'ml-matrix', 'numjs'];

/** loadPeers's answer when no peer is loaded (every one failed with `reason`): the cases then leave them all out. */
export function noPeers(reason) {
  return { versions: {}, failed: Object.fromEntries(PEER_PACKAGES.map((p) => [p, reason])) };
}

/** `{ tf, ndarray, ops, Matrix, nj, versions, failed }`; missing peers are undefined. */
export async function loadPeers() {
  const peers = { versions: {}, failed: {} };
  const attempt = async (name, load) => {
    try {
      await load();
      peers.versions[name] = version(name);
    } catch (e) {
      peers.failed[name] = String(e && e.message ? e.message : e).split('\n')[0];
    }
  };
  await attempt('@tensorflow/tfjs-core', async () => {
    const tf = require('@tensorflow/tfjs-core');
    require('@tensorflow/tfjs-backend-cpu');
    // the "use tfjs-node" banner is noise in a benchmark run
    const warn = console.warn, log = console.log;
    console.warn = console.log = () => {};
    try { await tf.setBackend('cpu'); await tf.ready(); } finally { console.warn = warn; console.log = log; }
    if (tf.getBackend() !== 'cpu') throw new Error(`backend is ${tf.getBackend()}, not cpu`);
    peers.tf = tf;
    peers.versions['@tensorflow/tfjs-backend-cpu'] = version('@tensorflow/tfjs-backend-cpu');
  });
  await attempt('ndarray', async () => {
    peers.ndarray = require('ndarray');
    peers.ops = require('ndarray-ops');
    peers.versions['ndarray-ops'] = version('ndarray-ops');
  });
  await attempt('ml-matrix', async () => {
    peers.Matrix = require('ml-matrix').Matrix;
  });
  await attempt('numjs', async () => {
    const images = require.resolve('numjs/src/images');
    const Module = require('node:module');
    const stub = new Module(images);
    stub.filename = images;
    stub.loaded = true;
    stub.exports = {};
    require.cache[images] = stub;
    peers.nj = require('numjs');
  });
  return peers;
}
