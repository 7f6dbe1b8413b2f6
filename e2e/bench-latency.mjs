// Browser benchmark: time from a slider's input event to its chart redrawn, and from
// navigation to the first chart drawn. Prints medians and p95; asserts nothing.
// Usage: node e2e/bench-latency.mjs [steps per slider, default 60]
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const STEPS = Number(process.argv[2] ?? 60);
const SLIDERS = ['power', 'btc', 'hrg', 'gpu', 'conv', 'phases', 'capex', 'rate', 'jth', 'util'];

const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(q * (s.length - 1))];
};
const fmt = (x) => `${x.toFixed(2)} ms`;

const server = await serve(`${ROOT}dist`, '/');
const browser = await launch();
const results = [];
for (const [label, viewport, tab] of [
  ['desktop 1280×900, DPR 1, revenue', { width: 1280, height: 900, scale: 1 }, 'revenue'],
  ['desktop 1280×900, DPR 2, revenue', { width: 1280, height: 900, scale: 2 }, 'revenue'],
  ['desktop 1280×900, DPR 1, cash', { width: 1280, height: 900, scale: 1 }, 'cash'],
  ['desktop 1280×900, DPR 1, hashprice', { width: 1280, height: 900, scale: 1 }, 'hashprice'],
  ['desktop 1280×900, DPR 1, sensitivity', { width: 1280, height: 900, scale: 1 }, 'sensitivity'],
  ['desktop 1280×900, DPR 1, map', { width: 1280, height: 900, scale: 1 }, 'map'],
  ['phone 390×844, DPR 3, revenue', { width: 390, height: 844, scale: 3 }, 'revenue'],
]) {
  const { page, context, problems } = await open(browser, `${server.url}?tab=${tab}`, viewport);
  const firstDrawn = await page.$eval(`canvas[data-chart="${tab}"]`, (c) => +c.dataset.firstDrawnAt);
  const latencies = await page.evaluate(async ({ sliders, steps, tab }) => {
    const canvas = document.querySelector(`canvas[data-chart="${tab}"]`);
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
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
        const t0 = performance.now();
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const deadline = t0 + 2000;
        while (canvas.dataset.draws === before && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 0));
        }
        if (canvas.dataset.draws === before) throw new Error(`no redraw after ${key}=${slider.value}`);
        out.push(+canvas.dataset.drawnAt - t0);
      }
    }
    return out;
  }, { sliders: SLIDERS, steps: STEPS, tab });
  results.push({ label, n: latencies.length, p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), max: Math.max(...latencies), firstDrawn });
  if (problems.length) console.error(problems.join('\n'));
  await context.close();
}
await browser.close();
await server.close();

console.log('input event → chart redrawn (headless Chromium, release build)');
for (const r of results) {
  console.log(`  ${r.label.padEnd(36)} n=${r.n}  p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  max ${fmt(r.max)}  first chart at ${fmt(r.firstDrawn)}`);
}
