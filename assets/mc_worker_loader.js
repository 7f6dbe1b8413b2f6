// Starts the Monte Carlo web worker (the page spawns it from this file): wasm-bindgen's
// no-modules glue, then its wasm, both built by trunk beside this file.
importScripts('./mc_worker.js');
// A wasm that cannot load or start is reported as the worker's error, which the page hears of.
wasm_bindgen({ module_or_path: './mc_worker_bg.wasm' }).catch((e) => self.reportError(e));
