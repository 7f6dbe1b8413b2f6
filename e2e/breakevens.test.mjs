// "What would have to be true": the panel lists, nearest first, the CLI's break-even of every
// input the tornado moves (swept in the page's web worker); choosing a row moves that input there
// as one step of the history (Back returns); each slider's band marks where converting wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { open } from './browser.mjs';
import { site, cli, CLI, search, waitForQuery, axeViolations } from './common.mjs';

const PANEL = '[data-role="breakevens"]';

/** Waits for the panel to show the sweep of the scenario shown; returns its rows in order. */
async function currentRows(page) {
  await page.locator(`${PANEL}[data-state="current"]`).waitFor({ timeout: 20000 });
  return page.$$eval(`${PANEL} li[data-key]`, (els) => els.map((e) => ({
    key: e.dataset.key,
    value: e.dataset.value,
    text: e.textContent,
    button: e.querySelector('button')?.title ?? null,
  })));
}

/** The CLI's break-evens for `query`, nearest first (by share of the value, or of the key's
 * range from zero), those without one last in table order. */
function cliRows(query, ranges) {
  const rows = cli(query, '--with', 'breakevens').analysis.breakevens;
  const distance = (r) => r.break_even === null ? Infinity
    : Math.abs(r.break_even - r.value) / (r.value === 0 ? ranges[r.key] : Math.abs(r.value));
  return rows.map((r, i) => ({ ...r, d: distance(r), i })).sort((a, b) => a.d - b.d || a.i - b.i);
}

/** The span of each key's bounds, from the CLI's key table. */
function keyRanges() {
  const keys = JSON.parse(execFileSync(CLI, ['keys', '--format', 'json']).toString());
  return Object.fromEntries(keys.map((k) => [k.key, k.max - k.min]));
}

test("the panel lists the CLI's break-evens nearest first, in both languages and themes", async () => {
  const ranges = keyRanges();
  for (const { query, lang, dark, lead } of [
    { query: '', lang: 'en', dark: false, lead: 'Converting breaks even with keeping mining when one input alone moves, all else as it is:' },
    { query: 'ai=colo&lang=it', lang: 'it', dark: true, lead: 'Convertire rende quanto continuare a minare quando un solo input si sposta, tutto il resto invariato:' },
  ]) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${query}`, { colorScheme: dark ? 'dark' : 'light' });
    const rows = await currentRows(page);
    const model = (await search(page)).split('&').filter((p) => !p.startsWith('lang=')).join('&');
    const want = cliRows(model, ranges);
    assert.deepEqual(rows.map((r) => r.key), want.map((r) => r.key), lang);
    for (const [i, r] of rows.entries()) {
      const w = want[i];
      if (w.break_even === null) {
        assert.equal(r.value, '', r.key);
        assert.equal(r.button, null, r.key);
      } else {
        assert.equal(Number(r.value), w.break_even, r.key);
        assert.ok(r.button, r.key);
      }
    }
    assert.equal(await page.textContent(`${PANEL} .be-lead`), lead);
    // Open the fold too, for axe to see every row.
    await page.click(`${PANEL} summary`);
    assert.deepEqual(await axeViolations(page), [], lang);
    assert.deepEqual(problems, [], lang);
    await context.close();
  }
});

test('choosing a row moves its input to the break-even as one step, and Back returns', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?power=50`);
  const rows = await currentRows(page);
  const row = rows.find((r) => r.key === 'btc');
  assert.ok(row.button, 'btc breaks even somewhere');
  const before = await search(page);
  const boxBefore = await page.inputValue('[name="btc"]');
  const button = page.locator(`${PANEL} li[data-key="btc"] button`);
  assert.equal(await button.getAttribute('title'), `Set BTC price to $${Math.round(Number(Number(row.value).toPrecision(3))).toLocaleString('en-US')}`);
  // Past the nearest few, it is in the fold.
  if (!(await button.isVisible())) await page.click(`${PANEL} summary`);
  await button.click();
  const after = await waitForQuery(page, (s) => /(^|&)btc=/.test(s));
  // Six significant figures of the break-even.
  const moved = Number(new URLSearchParams(after).get('btc'));
  assert.equal(moved, Number(Number(row.value).toPrecision(6)));
  assert.equal(await page.inputValue('[name="btc"]'), String(moved));
  // The NPV advantage there is next to nothing: the row's promise, on the card.
  const adv = Number(await page.getAttribute('[data-kpi="npv_advantage"]', 'data-value'));
  assert.ok(Math.abs(adv) < 1e-3 * 1e9, `${adv}`);
  // The panel follows: the new sweep's btc break-even is where btc now is.
  const again = await currentRows(page);
  assert.ok(Math.abs(Number(again.find((r) => r.key === 'btc').value) - moved) / moved < 1e-4);
  await page.goBack();
  await waitForQuery(page, (s) => !/(^|&)btc=/.test(s));
  assert.equal(await search(page), before);
  assert.equal(await page.inputValue('[name="btc"]'), boxBefore);
  assert.deepEqual(problems, []);
  await context.close();
});

test("each slider's band is green where converting wins, from the same sweep", async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?`);
  const rows = await currentRows(page);
  // At the defaults converting wins from the power price's lowest value up to its break-even:
  // the band's green stretch ends there, on the slider's scale.
  const power = rows.find((r) => r.key === 'power');
  const band = await page.getAttribute('[data-key="power"] .band', 'style');
  const { min, max } = await page.$eval('[data-for="power"]', (e) => ({ min: Number(e.min), max: Number(e.max) }));
  const at = ((Number(power.value) - min) / (max - min) * 100).toFixed(2);
  assert.ok(band.includes(`var(--win) 0.00% ${at}%`), `${band} / ${at}`);
  // An input the sweep does not move has no band.
  assert.equal(await page.locator('[data-key="mw"] .band').count(), 0);
  // A slider step fades the other bands until the new sweep lands.
  await page.fill('[name="btc"]', '70000');
  await page.press('[name="btc"]', 'Enter');
  await page.locator(`${PANEL}[data-state="running"], ${PANEL}[data-state="current"]`).first().waitFor();
  await currentRows(page);
  await page.locator('[data-panel="controls"][data-sweep="current"] [data-key="power"] .band').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
