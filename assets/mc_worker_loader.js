// Starts the Monte Carlo web worker (the page spawns it from this file): wasm-bindgen's
// no-modules glue, then its wasm, both built by trunk beside this file.
importScripts('./mc_worker.js');
wasm_bindgen({ module_or_path: './mc_worker_bg.wasm' });
