// Browser benchmark: time from a slider's input event to its chart redrawn, and from
// navigation to the first chart drawn, on a desktop and on a low-end phone (390×844 at DPR 3
// with the CPU slowed 6× through CDP, Chrome DevTools' "low-end mobile" preset); the Monte
// Carlo fan with 100,000 paths, whose runs (in a web worker) each slider step supersedes.
// Prints medians and p95 of two spans: input → chart redrawn (the canvas has its new drawing),
// and input → frame (the browser has laid out, painted and committed the frame that shows it;
// the slider is moved at the start of a frame, as a drag's events come, so that frame is the
// one under way, and a timer queued before the input fires once it is done). Also the main
// thread's long tasks (≥ 50 ms) during the sweeps. Then the browser's own floor on the phone: a
// blank page whose inline script draws one canvas, loaded the same way (this shared machine's
// speed varies from hour to hour; the floor is a reference for the hour). Asserts nothing.
// Usage: node e2e/bench-latency.mjs [steps per slider, default 40] [runs per row, default 1]
//        [only the rows whose label contains this text, e.g. "fan"]
//        BENCH_DIST=<folder> benchmarks another build than dist/ (to compare two builds).
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const STEPS = Number(process.argv[2] ?? 40);
const RUNS = Number(process.argv[3] ?? 1);
const SLIDERS = ['power', 'btc', 'hrg', 'gpu', 'conv', 'phases', 'capex', 'rate', 'jth', 'util'];
/** Every chart of the registry, in tab order (`hashshift charts`). */
const VIEWS = JSON.parse(execFileSync(`${ROOT}target/release/hashshift`, ['charts', '--format', 'json'])).map((c) => c.name);
/** Extra query per view: the fan runs 100,000 paths. */
const QUERY = { fan: '&mc=100000' };
const DESKTOP = { width: 1280, height: 900, scale: 1 };
const PHONE = { width: 390, height: 844, scale: 3 };

const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(q * (s.length - 1))];
};
/** The median (of an even count, the mean of the middle two). */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
};
const fmt = (x) => `${x.toFixed(1)} ms`.padStart(9);

/** Opens the page with the CPU slowed `throttle` times from before navigation. */
async function openThrottled(browser, url, viewport, throttle) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: viewport.scale });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url, { waitUntil: 'commit' });
  // Waits for the first chart with a few lines of script of its own: Playwright's selector
  // engine, injected on first use, would take the slowed main thread ~100 ms in the middle of
  // the load being measured.
  const { result } = await cdp.send('Runtime.evaluate', { expression: FIRST_CHART, awaitPromise: true, returnByValue: true });
  return { page, context, problems, first: result.value };
}

/** A promise of the first chart's `data-first-drawn-at`: ms after navigation. */
const FIRST_CHART = `new Promise((resolve) => {
  const drawn = () => document.querySelector('canvas[data-chart][data-first-drawn-at]');
  const done = () => {
    const canvas = drawn();
    if (canvas) resolve(+canvas.dataset.firstDrawnAt);
    return canvas !== null;
  };
  if (done()) return;
  const watch = new MutationObserver(() => done() && watch.disconnect());
  watch.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-first-drawn-at'] });
})`;

/** Sweeps each slider from end to end; returns input → redraw and input → frame latencies,
 * ms, and the main thread's long tasks meanwhile. */
function sweep(page, tab) {
  return page.evaluate(async ({ sliders, steps, tab }) => {
    const canvas = document.querySelector(`canvas[data-chart="${tab}"]`);
    const long = [];
    new PerformanceObserver((list) => long.push(...list.getEntries())).observe({ type: 'longtask' });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    const frames = [];
    for (const key of sliders) {
      const slider = document.querySelector(`input[type="range"][data-for="${key}"]`);
      const [lo, hi] = [+slider.min, +slider.max];
      for (let i = 0; i < steps; i++) {
        await frame();
        const before = canvas.dataset.draws;
        const previous = slider.value;
        // A drag sweeps the slider from one end to the other; steps that snap to the same
        // position change nothing and are skipped.
        slider.value = String(lo + ((hi - lo) * i) / (steps - 1));
        if (slider.value === previous) continue;
        let framed = 0;
        setTimeout(() => { framed = performance.now(); }, 0);
        const t0 = performance.now();
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const deadline = t0 + 5000;
        while ((canvas.dataset.draws === before || !framed) && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 0));
        }
        if (canvas.dataset.draws === before) throw new Error(`no redraw after ${key}=${slider.value}`);
        out.push(+canvas.dataset.drawnAt - t0);
        frames.push(framed - t0);
      }
      // Back to the default before the next slider.
      slider.parentElement.parentElement.querySelector('.reset')?.click();
      await frame();
    }
    return { latencies: out, frames, longTasks: long.length };
  }, { sliders: SLIDERS, steps: STEPS, tab });
}

const ONLY = process.argv[4] ?? '';
const rows = [
  ...VIEWS.map((tab) => [`desktop 1280×900 DPR 1, ${tab}`, DESKTOP, tab, 1]),
  ['desktop 1280×900 DPR 2, revenue', { ...DESKTOP, scale: 2 }, 'revenue', 1],
  ...VIEWS.map((tab) => [`phone 390×844 DPR 3, CPU 6× slower, ${tab}`, PHONE, tab, 6]),
].filter(([label]) => label.includes(ONLY));

const server = await serve(process.env.BENCH_DIST ?? `${ROOT}dist`, '/');
const browser = await launch();
console.log(`input event → chart redrawn (headless Chromium, release build; ${SLIDERS.length} sliders × ${STEPS} steps × ${RUNS} run(s))`);
for (const [label, viewport, tab, throttle] of rows) {
  const latencies = [];
  const frames = [];
  const firsts = [];
  let longTasks = 0;
  for (let run = 0; run < RUNS; run++) {
    const { page, context, problems, first } = await openThrottled(browser, `${server.url}?tab=${tab}${QUERY[tab] ?? ''}`, viewport, throttle);
    firsts.push(first);
    await page.waitForSelector('[data-panel="controls"] input[type="range"]');
    const swept = await sweep(page, tab);
    latencies.push(...swept.latencies);
    frames.push(...swept.frames);
    longTasks += swept.longTasks;
    if (problems.length) console.error(problems.join('\n'));
    await context.close();
  }
  console.log(`  ${label.padEnd(46)} n=${String(latencies.length).padEnd(4)} p50 ${fmt(pct(latencies, 0.5))}  p95 ${fmt(pct(latencies, 0.95))}  max ${fmt(Math.max(...latencies))}  frame p50 ${fmt(pct(frames, 0.5))}  p95 ${fmt(pct(frames, 0.95))}  first chart ${fmt(median(firsts))} (worst ${fmt(Math.max(...firsts)).trim()})  long tasks ${longTasks}`);
}
/** A page with nothing but one canvas that its inline script draws and stamps as the app's
 * charts are stamped: what the slowed browser takes before any page's first chart. */
const FLOOR_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title></head>
<body><canvas data-chart="floor" width="300" height="150"></canvas><script>
const canvas = document.querySelector('canvas');
canvas.getContext('2d').fillRect(0, 0, 150, 75);
canvas.setAttribute('data-first-drawn-at', String(performance.now()));
</script></body></html>`;
const FLOOR_LABEL = 'phone blank page with one canvas (the floor)';
if (FLOOR_LABEL.includes(ONLY)) {
  server.pages.set('/floor.html', FLOOR_PAGE);
  const firsts = [];
  for (let run = 0; run < Math.max(RUNS, 5); run++) {
    const { context, first } = await openThrottled(browser, new URL('floor.html', server.url).href, PHONE, 6);
    firsts.push(first);
    await context.close();
  }
  console.log(`  ${FLOOR_LABEL.padEnd(46)} first chart ${fmt(median(firsts))} (worst ${fmt(Math.max(...firsts)).trim()})`);
}
await browser.close();
await server.close();
