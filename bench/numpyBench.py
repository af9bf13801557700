# NumPy's side of `npm run bench`: tools/bench.mjs runs this once per op (a fresh process
# each time) and reads one JSON line back. It times with time.perf_counter under the same
# protocol as bench/harness.mjs: warm up (>= warmup calls and >= warmupMs), calibrate a
# repeat count so a sample lasts at least minSampleMs, then the median of `runs` samples,
# with a garbage collection before each sample and the collector off inside it. `info`
# reports the versions and the BLAS.
#
#   python3 bench/numpyBench.py info
#   python3 bench/numpyBench.py case '{"setup": "...", "stmt": "...", "warmup": 2, "warmupMs": 100, "runs": 7, "minSampleMs": 2}'

import gc
import json
import math
import platform
import resource
import sys
import time

import numpy as np


def blas_info():
    """Which BLAS NumPy calls, via threadpoolctl when installed, else the loaded libraries."""
    # load the BLAS: a tiny product makes sure the library is mapped
    a = np.ones((4, 4))
    a @ a
    try:
        import threadpoolctl  # noqa: PLC0415

        return [
            {k: d.get(k) for k in ('internal_api', 'version', 'architecture', 'num_threads', 'filepath')}
            for d in threadpoolctl.threadpool_info()
        ]
    except ImportError:
        pass
    import ctypes  # noqa: PLC0415

    libs = sorted({line.split()[-1] for line in open('/proc/self/maps') if 'blas' in line.split()[-1]})
    out = []
    for path in libs:
        entry = {'filepath': path, 'via': '/proc/self/maps (threadpoolctl not installed)'}
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            entry.update(
                internal_api='openblas',
                version=lib.openblas_get_config().decode(),
                architecture=lib.openblas_get_corename().decode(),
                num_threads=lib.openblas_get_num_threads(),
            )
        except (OSError, AttributeError):
            entry['internal_api'] = 'reference BLAS (netlib)' if '/blas/' in path else 'unknown'
        out.append(entry)
    return out


def run_case(spec):
    ns = {'np': np, 'N': 1_000_000, 'rng': np.random.default_rng(0)}
    exec(spec['setup'], ns)  # noqa: S102 - fixed text from bench/cases.mjs
    fn = eval('lambda: ' + spec['stmt'], ns)  # noqa: S307

    def sample(reps):
        gc.collect()
        gc.disable()
        f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        t = (time.perf_counter() - t0) / reps
        faults = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0) / reps
        gc.enable()
        return t * 1e3, faults

    times = []
    t0 = time.perf_counter()
    while True:
        s = time.perf_counter()
        fn()
        times.append((time.perf_counter() - s) * 1e3)
        spent = (time.perf_counter() - t0) * 1e3
        if spent >= spec['warmupMs'] and (len(times) >= spec['warmup'] or times[0] >= spec['warmupMs']):
            break
    recent = float(np.median(times[-5:]))
    reps = max(1, min(20000, math.ceil(spec['minSampleMs'] / max(recent, 1e-4))))
    samples, faults = [], []
    for _ in range(spec['runs']):
        ms, f = sample(reps)
        samples.append(ms)
        faults.append(f)
    return {'ms': float(np.median(samples)), 'faults': float(np.median(faults)), 'reps': reps, 'samples': samples}


def main():
    if sys.argv[1] == 'info':
        print(json.dumps({'python': platform.python_version(), 'numpy': np.__version__, 'blas': blas_info()}))
    else:
        try:
            print(json.dumps(run_case(json.loads(sys.argv[2]))))
        except Exception as e:  # noqa: BLE001 - reported as the row's reason
            print(json.dumps({'error': f'{type(e).__name__}: {e}'}))


main()
