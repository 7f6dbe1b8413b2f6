// Makes the site's link preview (assets/preview.png, 1200×630): the embedded default scenario,
// as crawlers show it beside a shared link. Checked in; run again when the page changes:
//   scripts/test.sh (or trunk build --release) && node scripts/preview-image.mjs
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const server = await serve(`${ROOT}dist`, '/');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
await page.goto(`${server.url}?embed=1&tab=revenue`);
await page.waitForSelector('canvas[data-chart="revenue"][data-draws]');
await page.screenshot({ path: `${ROOT}assets/preview.png` });
await browser.close();
await server.close();
console.log('assets/preview.png');
