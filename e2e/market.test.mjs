// Dated market data: a link on an older market snapshot (a `v=2` link keeps schema 2's BTC
// 65,000, 890 EH/s and 0.02 BTC) says so beside the market inputs and offers today's, pinning
// itself as A so that the waterfall shows what the new market changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './browser.mjs';
import { site, SHOTS, KPIS, printed, kpiValues, waitForQuery, axeViolations } from './common.mjs';

const MARKET = ['btc', 'hr', 'fee'];
/** A `v=2` link with schema 2's market inputs, and its canonical query. */
const OLD = 'v=2&mw=18&gpu=3';
const OLD_CANONICAL = 'v=3&mw=18&btc=65000&hr=890&fee=0.02&gpu=3&cterm=0&mc=0&aivol=0';

/** Every primary control's value, by key (a checkbox's as on/off). */
const controlValues = (page) => page.$$eval('[data-panel="controls"] [name]', (els) =>
  Object.fromEntries(els.map((e) => [e.name, e.type === 'checkbox' ? String(e.checked) : e.value])));

/** The model keys of a query, without the view keys. */
const modelKeys = (query) => Object.fromEntries([...new URLSearchParams(query)].filter(([k]) => !['tab', 'cmp', 'lang', 'theme'].includes(k)));

test('market-refresh on a v=2 link pins it as A and changes exactly btc, hr and fee; Back undoes it', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?${OLD}&tab=cash`);
  assert.equal(await waitForQuery(page, (s) => s.startsWith('v=3')), `${OLD_CANONICAL}&tab=cash`);
  const line = page.locator('[data-role="snapshot"]');
  assert.equal(await line.getAttribute('data-date'), '2026-06-15');
  assert.match(await line.textContent(), /^Market of 15 Jun 2026 · \d+\u00a0days old/);
  const button = page.locator('[data-action="market-refresh"]');
  assert.equal(await button.textContent(), 'Update to the market of 26 Jun 2026');
  const before = await controlValues(page);
  assert.deepEqual(MARKET.map((k) => before[k]), ['65000', '890', '0.02']);

  await button.click();
  const q = await waitForQuery(page, (s) => s.includes('cmp='));
  // A is the link as it was; now differs from it in the market inputs only, which are today's.
  const params = new URLSearchParams(q);
  assert.equal(params.get('cmp'), OLD_CANONICAL);
  const [pinned, now] = [modelKeys(OLD_CANONICAL), modelKeys(q)];
  const differ = Object.keys({ ...pinned, ...now }).filter((k) => pinned[k] !== now[k]);
  assert.deepEqual(differ.sort(), [...MARKET].sort());
  assert.ok(MARKET.every((k) => !(k in now)), 'the market inputs are at their defaults');
  const nowQuery = q.split('&tab=')[0];
  assert.equal(nowQuery, 'v=3&mw=18&gpu=3&cterm=0&mc=0&aivol=0');
  // Every control keeps its value but the three, now the snapshot of 26 Jun 2026's.
  await page.waitForFunction(() => document.querySelector('[name="btc"]').value === '60000');
  const after = await controlValues(page);
  for (const key of Object.keys(before)) {
    if (!MARKET.includes(key)) assert.equal(after[key], before[key], key);
  }
  assert.deepEqual(MARKET.map((k) => after[k]), ['60000', '958', '0.017']);
  // Every card carries A's value and now's, as the CLI prints them.
  const compare = await page.$$eval('[data-kpi]', (els) => Object.fromEntries(els.map((e) => [e.dataset.kpi, e.dataset.compareValue])));
  const values = await kpiValues(page);
  for (const id of KPIS) {
    assert.equal(compare[id], printed(OLD_CANONICAL, id), `A's ${id}`);
    assert.equal(values[id], printed(nowQuery, id), id);
  }
  // The waterfall's steps are the market inputs, in table order, and nothing else.
  await page.waitForSelector('[data-role="compare"] tr[data-step]');
  const steps = await page.$$eval('[data-role="compare"] tr[data-step]', (rows) => rows.map((r) => r.dataset.step));
  const labels = await Promise.all(MARKET.map((k) => page.textContent(`[data-key="${k}"] .control-head label`)));
  assert.ok(steps.length > 0 && steps.every((s) => labels.includes(s)), `${steps} of ${labels}`);
  assert.deepEqual(steps, labels.filter((l) => steps.includes(l)));
  assert.equal(await page.locator('[data-role="idle-inputs"]').count(), 0);
  // The line names today's snapshot; the button is gone and the focus is on the line.
  assert.equal(await line.getAttribute('data-date'), '2026-06-26');
  assert.equal(await button.count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.role), 'snapshot');

  // Back: the link as it was, unpinned, with its button.
  await page.goBack();
  assert.equal(await waitForQuery(page, (s) => !s.includes('cmp=')), `${OLD_CANONICAL}&tab=cash`);
  await button.waitFor();
  assert.equal(await page.$eval('[name="btc"]', (e) => e.value), '65000');
  assert.equal(await page.locator('[data-compare-value]').count(), 0);
  // Forward: the refresh again.
  await page.goForward();
  assert.equal(await waitForQuery(page, (s) => s.includes('cmp=')), q);
  assert.deepEqual(problems, []);
  await context.close();
});

test('only a link whose three market inputs are an older snapshot is offered the current one', async () => {
  const cases = [
    ['', false],
    ['v=2&btc=70000', false], // the reader's own BTC price
    ['v=3&hr=890&fee=0.02', false], // two of three
    ['v=1', false], // schema 1's round figures, undated
    ['v=3&btc=65000&hr=890&fee=0.02&mw=30', true],
  ];
  const { page, context, problems } = await open(site.browser, site.url);
  for (const [q, offered] of cases) {
    await page.goto(`${site.url}?${q}`);
    const line = page.locator('[data-role="snapshot"]');
    await line.waitFor();
    assert.equal(await page.locator('[data-action="market-refresh"]').count(), offered ? 1 : 0, q);
    assert.equal(await line.getAttribute('data-date'), offered ? '2026-06-15' : '2026-06-26', q);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the offer and the waterfall after it, in both languages and themes, on a desktop and a phone', async () => {
  const pages = [
    ['desktop', '', {}],
    ['desktop-dark-it', '&lang=it&theme=dark', {}],
    ['phone', '', { width: 390, height: 844, scale: 2 }],
    ['phone-dark-it', '&lang=it', { width: 390, height: 844, scale: 2, colorScheme: 'dark' }],
  ];
  for (const [name, view, options] of pages) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${OLD}${view}`, options);
    const button = page.locator('[data-action="market-refresh"]');
    await button.waitFor();
    assert.equal(await button.textContent(), view.includes('it') ? 'Aggiorna al mercato del 26 giu 2026' : 'Update to the market of 26 Jun 2026');
    assert.match(await page.textContent('[data-role="snapshot"]'), view.includes('it') ? /^Mercato del 15 giu 2026 · / : /^Market of 15 Jun 2026 · /);
    assert.deepEqual(await axeViolations(page), [], `${name}: the offer`);
    await page.locator('[data-role="snapshot"]').evaluate((e) => e.closest('details').scrollIntoView());
    await page.locator('details[open]:has([data-role="snapshot"])').screenshot({ path: `${SHOTS}/market-offer-${name}.png` });
    await button.click();
    await page.waitForSelector('[data-role="compare"] .waterfall[aria-busy="false"]');
    assert.deepEqual(await axeViolations(page), [], `${name}: the waterfall`);
    await page.locator('[data-role="compare"]').screenshot({ path: `${SHOTS}/market-waterfall-${name}.png` });
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});
