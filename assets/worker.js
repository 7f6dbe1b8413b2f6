// The explorer's web worker (a module worker, spawned by the page from this file). It runs the
// page's own wasm: the page's first message carries the URL of its wasm-bindgen glue and its
// compiled `WebAssembly.Module`, so nothing is compiled or downloaded twice. The wasm's start
// function sees no window and serves the page's requests (src/ui/monte_carlo.rs).
self.onmessage = async ({ data }) => {
  self.onmessage = null;
  try {
    const glue = await import(data.glue);
    await glue.default({ module_or_path: data.module });
  } catch (e) {
    // A wasm that cannot load or start is reported as the worker's error, which the page hears of.
    self.reportError(e);
  }
};
