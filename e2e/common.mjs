// What the browser tests share: the site served from a sub-path, Debian's Chromium, and the CLI
// whose numbers the page must show.
import { before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export const ROOT = new URL('..', import.meta.url).pathname;
export const SHOTS = `${ROOT}e2e/screenshots`;
export const CLI = `${ROOT}target/release/hashshift`;
/** The chart registry's names, in tab order, as the CLI lists them (`hashshift charts`). */
export const CHARTS = JSON.parse(execFileSync(CLI, ['charts', '--format', 'json'])).map((c) => c.name);
export const KPIS = ['npv_advantage', 'npv_advantage_terminal', 'irr_incremental', 'payback_month',
  'peak_funding_usd', 'breakeven_btc_usd', 'breakeven_ai_rate', 'next_halving', 'baseline_dark_month',
  'mining_breakeven_power', 'best_choice', 'npv_sell'];

/** The site and the browser of a test file, started before its tests and stopped after. */
export const site = {};
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  site.server = await serve(`${ROOT}dist`, '/tools/hashshift/');
  site.url = site.server.url;
  site.browser = await launch();
});
after(async () => {
  await site.browser?.close();
  await site.server?.close();
});

/** The CLI's output for a query, as text. */
export function cliText(query, ...args) {
  return execFileSync(CLI, ['run', query, ...args]).toString();
}

/** The CLI's JSON report for a query. */
export function cli(query, ...args) {
  return JSON.parse(cliText(query, '--format', 'json', ...args));
}

/** The raw text of the CLI's JSON value of a summary field, exactly as printed ('' for null). */
export function printed(query, field) {
  const m = cliText(query).match(new RegExp(`\\n    "${field}": (.*?),?\\n`));
  return m[1] === 'null' ? '' : m[1].replace(/^"|"$/g, '');
}

/** Every KPI card's `data-value`, by id. */
export async function kpiValues(page) {
  return page.$$eval('[data-kpi]', (els) => Object.fromEntries(els.map((e) => [e.dataset.kpi, e.dataset.value])));
}

/** axe-core's violations on the page, of any impact (the issue asks for no serious or
 * critical one; the page has none of the minor and moderate ones either, and keeps it so), as
 * `impact rule: targets` lines. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: `${ROOT}node_modules/axe-core/axe.min.js` });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page's query, without `?`. */
export const search = (page) => page.evaluate(() => location.search.slice(1));

/** Waits until the page's query satisfies `predicate`, then returns it. */
export async function waitForQuery(page, predicate) {
  await page.waitForFunction(`(${predicate.toString()})(location.search.slice(1))`, null, { timeout: 3000 });
  return search(page);
}
