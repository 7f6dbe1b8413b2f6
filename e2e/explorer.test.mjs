// End-to-end tests of the release site in Debian's Chromium: run with `node --test e2e/`.
// The site is served from a sub-path to prove that the build's URLs are relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { open } from './browser.mjs';
import { site, SHOTS, CLI, CHARTS, KPIS, axeViolations, cli, printed, kpiValues, search, waitForQuery } from './common.mjs';

// The key table, as the CLI lists it: the page must have a control for each.
const KEY_TABLE = JSON.parse(execFileSync(CLI, ['keys', '--format', 'json']));
const KEYS = KEY_TABLE.map((k) => k.key);
const NUMERIC = KEY_TABLE.filter((k) => k.kind === 'real' || k.kind === 'integer').map((k) => k.key);

test('loads from a sub-path with the page contract and the CLI numbers', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  assert.equal(await waitForQuery(page, (s) => s === 'v=3'), 'v=3', 'the canonical query at once');
  // The controls and the charts out of view are built once the first frame is drawn.
  await page.waitForSelector('[data-panel="controls"] input[type="range"]');
  for (const key of KEYS) {
    const n = await page.locator(`[data-panel="controls"] [name="${key}"]`).count();
    assert.equal(n, 1, `one primary control for ${key}`);
    const tag = await page.$eval(`[name="${key}"]`, (e) => e.tagName);
    assert.ok(['INPUT', 'SELECT'].includes(tag), key);
  }
  assert.equal(await page.$eval('[name="mw"]', (e) => e.value), '100');
  assert.equal(await page.$eval('[name="uptime"]', (e) => e.value), '95');
  assert.equal(await page.$eval('[name="shutoff"]', (e) => e.type + e.checked), 'checkboxtrue');
  assert.equal(await page.$eval('[name="start"]', (e) => e.type + e.value), 'month2027-01');
  assert.equal(await page.$eval('input[type="range"][data-for="btc"]', (e) => e.value), '60000');
  for (const chart of ['revenue', 'cash', 'hashprice']) {
    assert.equal(await page.locator(`canvas[data-chart="${chart}"]`).count(), 1, chart);
  }
  const values = await kpiValues(page);
  for (const id of KPIS) assert.equal(values[id], printed('v=3', id), id);
  assert.equal(values.npv_advantage, JSON.stringify(cli('v=3').summary.npv_advantage));
  assert.match(await page.textContent('[data-kpi="npv_advantage"]'), /\$49\.9\u00a0M/);
  assert.match(await page.textContent('[data-kpi="next_halving"]'), /Apr 2028/);
  await page.screenshot({ path: `${SHOTS}/desktop.png` });
  assert.deepEqual(problems, []);
  assert.ok(site.server.requests.every((p) => p.startsWith('/tools/hashshift/')), 'only the sub-path is asked for');
  await context.close();
});

test('a slider moved by keyboard updates numbers, chart and URL without new history entries', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  const before = await kpiValues(page);
  const draws = await page.$eval('canvas[data-chart="revenue"]', (c) => +c.dataset.draws);
  const history = await page.evaluate(() => history.length);
  const slider = page.locator('input[type="range"][data-for="power"]');
  await slider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  // 45 + 4 steps of 0.5 $/MWh; the URL is written shortly after the last change.
  const q = await waitForQuery(page, (s) => s === 'v=3&power=47');
  assert.equal(await page.$eval('[name="power"]', (e) => e.value), '47');
  const after = await kpiValues(page);
  assert.notEqual(after.npv_advantage, before.npv_advantage);
  assert.equal(after.npv_advantage, printed(q, 'npv_advantage'));
  assert.ok(await page.$eval('canvas[data-chart="revenue"]', (c) => +c.dataset.draws) > draws, 'chart redrawn');
  assert.equal(await page.evaluate(() => history.length), history, 'no history entry per step');
  // The reset button, pressed from the keyboard, brings the default back and the key leaves
  // the URL; the button is then disabled, and the focus is on the slider it reset.
  await page.focus('[data-key="power"] .reset');
  await page.keyboard.press('Enter');
  assert.equal(await waitForQuery(page, (s) => !s.includes('power=')), 'v=3');
  assert.ok(await page.$eval('[data-key="power"] .reset', (b) => b.disabled));
  assert.equal(await page.evaluate(() => document.activeElement?.matches('input[type="range"][data-for="power"]')), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a slider step draws the chart in view at once; the cards and the box follow after the frame', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  await page.waitForSelector('input[type="range"][data-for="btc"]');
  const { before, during, next } = await page.evaluate(async () => {
    const canvas = document.querySelector('canvas[data-chart="revenue"]');
    const slider = document.querySelector('input[type="range"][data-for="btc"]');
    const now = () => ({
      draws: canvas.dataset.draws,
      card: document.querySelector('[data-kpi="npv_advantage"]').dataset.value,
      box: document.querySelector('[name="btc"]').value,
      spoken: slider.getAttribute('aria-valuetext'),
    });
    const before = now();
    // A timer queued before the input fires once the input's task and its microtasks are over
    // (an immediate render would be done by then), before the page's own timer.
    const next = new Promise((resolve) => setTimeout(() => resolve(now()), 0));
    slider.value = '80000';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    return { before, during: now(), next: await next };
  });
  assert.equal(+during.draws, +before.draws + 1, 'the chart is drawn in the input task');
  assert.match(during.spoken, /80,000/, 'the slider announces its new value at once');
  assert.deepEqual([next.card, next.box], [before.card, before.box], 'the page renders in a later task');
  await page.waitForFunction((b) => document.querySelector('[data-kpi="npv_advantage"]').dataset.value !== b, before.card);
  const q = await waitForQuery(page, (s) => s.includes('btc=80000'));
  assert.equal((await kpiValues(page)).npv_advantage, printed(q, 'npv_advantage'));
  assert.equal(await page.$eval('[name="btc"]', (e) => e.value), '80000');
  assert.equal(await page.$eval('canvas[data-chart="revenue"]', (c) => c.dataset.draws), during.draws, 'drawn once');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page\'s first frame shows the chart in view, drawn once', async () => {
  // The chart measures and paints itself in the first frame, rather than in the effects that
  // follow it: the first contentful paint already has the chart. On a phone with the CPU
  // slowed (as in the latency benchmark) Yew yields to the browser before its effects, so the
  // first frame comes before them; on the desktop they may come first.
  for (const [viewport, slowdown] of [[{ width: 390, height: 844, scale: 3 }, 4], [{ width: 1280, height: 900, scale: 1 }, 1]]) {
    const context = await site.browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: viewport.scale });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    await page.goto(`${site.url}?v=3&tab=cash`);
    const paint = await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
        if (fcp) resolve(fcp.startTime);
      }).observe({ type: 'paint', buffered: true });
    }));
    const canvas = page.locator('canvas[data-chart="cash"][data-first-drawn-at]');
    const drawn = +(await canvas.getAttribute('data-first-drawn-at'));
    assert.ok(drawn <= paint, `drawn at ${drawn} ms, first contentful paint at ${paint} ms (${viewport.width} px, CPU ${slowdown}×)`);
    // Once the page is whole (controls, data table), the chart was drawn once: the effects'
    // measure found the size it was painted at.
    await page.waitForSelector('table[data-table="cash"]', { state: 'attached' });
    await page.waitForSelector('[data-panel="controls"] input[type="range"]');
    const size = await canvas.evaluate((c) => [c.width, c.height].join('×'));
    assert.equal(await canvas.getAttribute('data-draws'), '1', `drawn once, at ${size} px`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('every slider moves its key', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  const sliders = await page.$$eval('input[type="range"][data-for]', (els) => els.map((e) => e.dataset.for));
  assert.deepEqual([...sliders].sort(), [...NUMERIC].sort(), 'every number key has a slider');
  for (const key of sliders) {
    const box = page.locator(`[name="${key}"]`);
    if (!(await box.isVisible())) continue; // the colocation group is hidden for GPU cloud
    const before = await box.inputValue();
    await page.focus(`input[type="range"][data-for="${key}"]`);
    await page.keyboard.press(key === 'uptime' || key === 'util' || key === 'conv' ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction(([k, b]) => document.querySelector(`[name="${k}"]`).value !== b, [key, before]);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('hovering a chart reads out that month and keeps the drawing', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  const canvas = page.locator('canvas[data-chart="revenue"]');
  await canvas.evaluate((c) => { c.dataset.probe = 'same element'; });
  // Scrolled to, as a reader does: below the cards and the summary, its middle may be under the
  // window's edge.
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const readout = page.locator('.chart:not([hidden]) .readout');
  await readout.waitFor({ state: 'visible' });
  assert.match(await readout.textContent(), /20(30|31)Plan: mining.*Keep mining/);
  assert.equal(await canvas.evaluate((c) => [c.dataset.probe, c.width > 300]).then(String), 'same element,true');
  await page.mouse.move(0, 0);
  await readout.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('lang=it shows the page in Italian with the same numbers', async () => {
  const q = 'v=3&mw=18&lang=it';
  const { page, context, problems } = await open(site.browser, `${site.url}?${q}`);
  await page.waitForFunction(() => document.documentElement.lang === 'it');
  assert.equal(await waitForQuery(page, (s) => s === 'v=3&mw=18&lang=it'), q);
  assert.match(await page.title(), /minare Bitcoin/);
  assert.equal(await page.textContent('label[for="c-mw"]'), 'Capacità del sito');
  assert.match(await page.textContent('[data-kpi="npv_advantage"]'), /Vantaggio VAN/);
  assert.match(await page.textContent('[data-kpi="irr_incremental"] .kpi-value'), /%\/anno$/);
  const values = await kpiValues(page);
  for (const id of KPIS) assert.equal(values[id], printed(q, id), id);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link is restored exactly in a fresh page', async () => {
  const q = 'v=3&mw=18&power=38.5&btc=95000&ai=colo&phases=2&colo=140&tab=cash';
  const { page, context, problems } = await open(site.browser, `${site.url}?${q}`);
  assert.equal(await waitForQuery(page, (s) => s.startsWith('v=3')), q);
  assert.equal(await page.$eval('[name="mw"]', (e) => e.value), '18');
  assert.equal(await page.$eval('[name="power"]', (e) => e.value), '38.5');
  assert.equal(await page.$eval('[name="ai"]', (e) => e.value), 'colo');
  assert.ok(await page.isVisible('[name="colo"]'));
  assert.ok(!(await page.isVisible('[name="gpu"]')), 'GPU cloud inputs hidden for colocation');
  assert.ok(await page.isVisible('canvas[data-chart="cash"]'));
  assert.ok(!(await page.isVisible('canvas[data-chart="revenue"]')));
  const values = await kpiValues(page);
  for (const id of KPIS) assert.equal(values[id], printed(q, id), id);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad link is warned about, with safe values and nothing else lost', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?mw=abc&years=99&zzz=1&power=40&tab=pie`);
  const items = await page.$$eval('[data-role="warnings"] li', (els) => els.map((e) => e.textContent));
  assert.equal(items.length, 4, items.join('\n'));
  assert.ok(items.some((t) => t.startsWith('mw: ')) && items.some((t) => t.startsWith('years: ')));
  assert.equal(await waitForQuery(page, (s) => s === 'v=3&years=20&power=40'), 'v=3&years=20&power=40');
  assert.equal(await page.$eval('[name="power"]', (e) => e.value), '40');
  // Dismissed from the keyboard, the banner hands the focus to the cards below it.
  await page.focus('[data-role="warnings"] .dismiss');
  await page.keyboard.press('Enter');
  await page.locator('[data-role="warnings"]').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'kpis');
  // Typed nonsense warns too and keeps the old value.
  await page.fill('[name="btc"]', 'lots');
  await page.press('[name="btc"]', 'Enter');
  const warned = await page.$$eval('[data-role="warnings"] li', (els) => els.map((e) => e.textContent));
  assert.equal(warned.length, 1);
  assert.match(warned[0], /^btc: “lots” is not a number/);
  assert.equal(await page.$eval('[name="btc"]', (e) => e.value), '60000');
  // A value above the bound is clamped, with a warning.
  await page.fill('[name="mw"]', '9000');
  await page.press('[name="mw"]', 'Enter');
  assert.equal(await page.$eval('[name="mw"]', (e) => e.value), '5000');
  // Typed key by key, `1,5` applies `1` on the way; it cannot be read in English, so it falls
  // back to the value before the typing, and the problem is said beside the box.
  await page.fill('[name="mw"]', '');
  await page.locator('[name="mw"]').pressSequentially('1,5');
  await page.press('[name="mw"]', 'Enter');
  await page.locator('[data-key="mw"] .problem').waitFor();
  assert.equal(await page.$eval('[name="mw"]', (e) => e.value), '5000');
  const problem = page.locator('[data-key="mw"] .problem');
  assert.equal(await problem.textContent(), 'mw: “1,5” is not a number; using 5,000.');
  assert.equal(await problem.locator('code').textContent(), 'mw');
  const describedBy = await page.$eval('[name="mw"]', (e) => e.getAttribute('aria-describedby'));
  assert.ok(describedBy.split(' ').includes(await problem.getAttribute('id')), describedBy);
  // The slider is not described by what was typed in the box.
  assert.ok(!(await page.$eval('input[type="range"][data-for="mw"]', (e) => e.getAttribute('aria-describedby'))).includes('problem'));
  assert.equal(await waitForQuery(page, (s) => s === 'v=3&years=20&mw=5000&power=40'), 'v=3&years=20&mw=5000&power=40');
  // A value that reads clears it.
  await page.fill('[name="mw"]', '18');
  await page.press('[name="mw"]', 'Enter');
  await problem.waitFor({ state: 'detached' });
  assert.ok(!(await page.$eval('[name="mw"]', (e) => e.getAttribute('aria-describedby'))).includes('problem'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a month picker shows the month the model uses, not one it refused', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?start=2030-05`);
  const picker = page.locator('[name="cstart"]');
  assert.equal(await picker.inputValue(), '2030-05');
  // Before the start: the value stays 2030-05, so the picker goes back to it once left.
  await picker.fill('2024-05');
  await picker.blur();
  await page.waitForFunction(() => document.querySelector('[name="cstart"]').value === '2030-05');
  const warned = await page.$$eval('[data-role="warnings"] li', (els) => els.map((e) => e.textContent));
  assert.deepEqual(warned, ['cstart: 2024-05 is before start 2030-05; using 2030-05.']);
  // A month that the model takes stays as picked.
  await picker.fill('2031-02');
  assert.equal(await waitForQuery(page, (s) => s.includes('cstart=')), 'v=3&start=2030-05&cstart=2031-02');
  assert.equal(await picker.inputValue(), '2031-02');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a year typed into a month picker applies once whole, and a cleared picker keeps its month', async () => {
  // Each digit of a typed year makes a month of its own (`0002-01`, `0020-01`, `0203-01`): the
  // first used to be applied, raised to the earliest month, and the rest of the year was lost.
  for (const lang of ['en', 'it']) {
    const { page, context, problems } = await open(site.browser, `${site.url}?lang=${lang}`);
    const tail = lang === 'en' ? '' : `&lang=${lang}`;
    const picker = page.locator('[name="start"]');
    await picker.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('2030');
    await page.keyboard.press('Tab');
    assert.equal(await waitForQuery(page, (s) => s.includes('start=')), `v=3&start=2030-01${tail}`);
    assert.equal(await picker.inputValue(), '2030-01');
    assert.equal(await page.locator('[data-role="warnings"] li').count(), 0);
    // A part cleared and left: the month in force stays, and the page says why.
    await picker.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Backspace');
    await picker.blur();
    const warning = page.locator('[data-role="warnings"] li');
    await warning.first().waitFor();
    assert.match(await warning.first().textContent(), /^start .*2030-01\.$/);
    await page.waitForFunction(() => document.querySelector('[name="start"]').value === '2030-01');
    assert.equal(await waitForQuery(page, (s) => s.includes('start=')), `v=3&start=2030-01${tail}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a link with many problems lists the first eight, and all of them when asked', async () => {
  const keys = Array.from({ length: 30 }, (_, i) => `k${i}=1`).join('&');
  const { page, context, problems } = await open(site.browser, `${site.url}?${keys}`);
  const items = page.locator('[data-role="warnings"] li');
  await items.first().waitFor();
  assert.equal(await items.count(), 8);
  // Only the first eight are in the alert said at once, with the button that says there are more.
  assert.equal(await page.locator('[data-role="warnings"] [role="alert"] li').count(), 8);
  assert.equal(await page.locator('[role="alert"] [data-action="all-warnings"]').count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  // The keyboard reaches the button; Enter lists the rest, and the focus goes to them.
  const more = page.locator('[data-action="all-warnings"]');
  assert.equal(await more.textContent(), 'Show 22 more');
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-role="warnings"] li').length === 30);
  assert.equal(await items.nth(29).textContent(), 'Unknown key k29 was ignored.');
  assert.equal(await more.count(), 0);
  const rest = page.locator('[data-role="warnings"] ul.rest');
  await page.waitForFunction(() => document.activeElement?.matches('[data-role="warnings"] ul.rest'));
  assert.equal(await page.locator('[data-role="warnings"] [role="alert"] li').count(), 8, 'the alert is unchanged');
  // The rest scroll in their own box, named by the banner's title, which the keyboard reaches.
  assert.equal(await rest.getAttribute('tabindex'), '0');
  assert.equal(await rest.getAttribute('aria-labelledby'), 'warnings-title');
  const box = await rest.evaluate((e) => ({ client: e.clientHeight, scroll: e.scrollHeight }));
  assert.ok(box.scroll > box.client, JSON.stringify(box));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the cash chart's legend lists the payback only when the plan pays back", async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?cterm=0&tab=cash`);
  const legend = () => page.$$eval('.chart:not([hidden]) .legend li', (els) => els.map((e) => e.textContent.trim()));
  // A merchant GPU cloud never pays back within its ten years (the CLI says so too).
  assert.equal(cli('cterm=0').summary.payback_month, null);
  assert.deepEqual(await legend(), ['Plan (convert)', 'Keep mining', 'Halving']);
  assert.equal(cli('cterm=0&gpu=4').summary.payback_month, '2034-08');
  await page.fill('[name="gpu"]', '4');
  await page.press('[name="gpu"]', 'Enter');
  await page.locator('.chart:not([hidden]) .legend li', { hasText: 'Payback' }).waitFor();
  assert.deepEqual(await legend(), ['Plan (convert)', 'Keep mining', 'Payback', 'Halving']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('back and forward restore the scenario; copy link copies it', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.selectOption('#preset', 'bitfarms-wa');
  assert.equal(await waitForQuery(page, (s) => s.includes('mw=18')), 'v=3&mw=18&cbuild=11&capex=12&cterm=0');
  assert.equal(await page.$eval('[name="mw"]', (e) => e.value), '18');
  // The picker follows the scenario that Back and Forward restore, though the reader used it.
  await page.selectOption('#preset', 'keep-mining');
  await waitForQuery(page, (s) => s === 'v=3&conv=0');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[name="mw"]').value === '18');
  await page.waitForFunction(() => document.querySelector('#preset').value === 'bitfarms-wa');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[name="mw"]').value === '100');
  assert.equal(await waitForQuery(page, (s) => s === 'v=3'), 'v=3');
  // The default is no preset: custom.
  await page.waitForFunction(() => document.querySelector('#preset').value === '');
  // "Custom scenario" changes nothing; on a preset, the picker goes back to it.
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('#preset').value === 'bitfarms-wa');
  await page.selectOption('#preset', '');
  assert.equal(await page.$eval('#preset', (e) => e.value), 'bitfarms-wa');
  assert.equal(await page.$eval('[name="mw"]', (e) => e.value), '18');
  await page.click('[data-action="copy-link"]');
  await page.locator('.share-note', { hasText: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${site.url}?v=3&mw=18&cbuild=11&capex=12&cterm=0`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard browses the presets; Enter or leaving the picker applies the one showing', async () => {
  // A closed picker moves at each arrow key and fires `change` in Chromium: that used to apply
  // each preset passed on the way, one history entry each.
  const { page, context, problems } = await open(site.browser, site.url);
  const note = (id) => page.$eval(`#preset option[value="${id}"]`, (o) => o.title);
  const noteShows = (text) =>
    page.waitForFunction((t) => document.querySelector('#preset-note').textContent === t, text);
  await page.focus('#preset');
  await page.keyboard.press('ArrowDown');
  await noteShows(`${await note('keep-mining')} Enter applies it; Esc goes back.`);
  await page.keyboard.press('ArrowDown');
  await noteShows(`${await note('bitfarms-wa')} Enter applies it; Esc goes back.`);
  await page.keyboard.press('Enter');
  assert.equal(await waitForQuery(page, (s) => s.includes('mw=18')), 'v=3&mw=18&cbuild=11&capex=12&cterm=0');
  await noteShows(await note('bitfarms-wa'));
  await page.keyboard.press('Tab');
  // One pick, one history entry (Enter, then leaving the picker): Back goes to the default,
  // not to the preset passed on the way.
  await page.goBack();
  assert.equal(await waitForQuery(page, (s) => !s.includes('mw=18')), 'v=3');
  await page.waitForFunction(() => document.querySelector('#preset').value === '');
  // Escape goes back to the scenario in force.
  await page.focus('#preset');
  await page.keyboard.press('End');
  await noteShows(`${await page.$eval('#preset optgroup:last-child option:last-child', (o) => o.title)} Enter applies it; Esc goes back.`);
  await page.keyboard.press('Escape');
  await noteShows('Pick a preset to start from a real deal; every slider stays yours.');
  assert.equal(await page.$eval('#preset', (e) => e.value), '');
  // Leaving the picker applies the preset it shows.
  await page.keyboard.press('ArrowDown');
  await noteShows(`${await note('keep-mining')} Enter applies it; Esc goes back.`);
  await page.keyboard.press('Tab');
  assert.equal(await waitForQuery(page, (s) => s !== 'v=3'), 'v=3&conv=0');
  await noteShows(await note('keep-mining'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a change just before a preset is kept in the history entry the preset leaves', async () => {
  // The first release wrote the URL up to 100 ms late and pushed the preset's entry at once,
  // so a change made just before picking a preset was lost when going back.
  const { page, context, problems } = await open(site.browser, `${site.url}?mw=18`);
  await waitForQuery(page, (s) => s === 'v=3&mw=18');
  // Two slider steps and a preset within one task: the second step is still waiting for its
  // write when the preset's entry is pushed.
  await page.evaluate(() => {
    const slider = document.querySelector('input[type="range"][data-for="power"]');
    for (const v of ['46', '47']) {
      slider.value = v;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const preset = document.querySelector('#preset');
    preset.value = 'absorb-4y';
    preset.dispatchEvent(new Event('change', { bubbles: true }));
  });
  assert.equal(await waitForQuery(page, (s) => s.includes('phases=4')), 'v=3&phases=4');
  await page.goBack();
  assert.equal(await waitForQuery(page, (s) => !s.includes('phases')), 'v=3&mw=18&power=47');
  await page.waitForFunction(() => document.querySelector('[name="power"]').value === '47');
  assert.equal(await page.$eval('[name="mw"]', (e) => e.value), '18');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a refused clipboard is said so, with the link to copy by hand', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  const page = await context.newPage();
  await page.goto(`${site.url}?mw=18`);
  await page.waitForSelector('canvas[data-chart][data-draws]');
  await page.click('[data-action="copy-link"]');
  await page.locator('.share-note', { hasText: 'Copying was refused' }).waitFor();
  assert.equal(await page.locator('.share-note', { hasText: 'copied' }).count(), 0, 'never claims a copy');
  assert.equal(await page.inputValue('.manual-copy'), `${site.url}?v=3&mw=18`);
  // The embed code keeps its two lines, focused and selected for the reader's own copy.
  await page.click('[data-action="copy-embed"]');
  await page.waitForFunction(() => document.activeElement.matches('.manual-copy') && document.activeElement.value.includes('<iframe'));
  const manual = await page.$eval('.manual-copy', (e) => ({
    lines: e.value.split('\n').map((l) => l.slice(0, 8)),
    focused: document.activeElement === e,
    selected: e.selectionEnd - e.selectionStart === e.value.length,
  }));
  assert.deepEqual(manual, { lines: ['<iframe ', '<script '], focused: true, selected: true });
  // Refused again, the same text is focused and selected again.
  await page.click('[data-action="copy-embed"]');
  await page.waitForFunction(() => document.activeElement.matches('.manual-copy'));
  assert.equal(await page.$eval('.manual-copy', (e) => e.selectionEnd - e.selectionStart === e.value.length), true);
  await context.close();
});

for (const [width, height] of [[600, 400], [360, 640]]) {
  test(`embed mode fits a ${width}×${height} iframe`, async () => {
    const q = 'v=3&mw=18&tab=hashprice&embed=1';
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, { width, height });
    assert.ok(!(await page.isVisible('[data-panel="controls"]')), 'controls hidden by default');
    assert.equal(await page.locator('canvas[data-chart]').count(), 1);
    assert.ok(await page.isVisible('canvas[data-chart="hashprice"]'));
    const href = await page.$eval('a[data-action="open-full"]', (a) => a.href);
    assert.equal(href, `${site.url}?v=3&mw=18&tab=hashprice`);
    const fit = await page.evaluate(() => {
      const d = document.scrollingElement;
      const clipped = [...document.querySelectorAll('.kpi-title, .kpi-value, .open-full, h1, .legend li')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 0.5
          || e.getBoundingClientRect().bottom > innerHeight + 0.5)
        .map((e) => e.textContent);
      return { h: d.scrollHeight <= innerHeight, w: d.scrollWidth <= innerWidth, clipped };
    });
    assert.deepEqual(fit, { h: true, w: true, clipped: [] });
    await page.screenshot({ path: `${SHOTS}/embed-${width}x${height}.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('an article embeds scenarios in iframes that sit cleanly', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 1500 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const src = (q) => `${site.url}?${q}&embed=1`;
  await page.setContent(`<!DOCTYPE html><html><body style="font: 17px Georgia, serif; max-width: 680px; margin: 24px auto">
    <h1>Will AI absorb Bitcoin mining?</h1>
    <p>Bitfarms is turning its 18 MW Washington site into a GPU cloud. Move the sliders below.</p>
    <iframe id="wide" src="${src('mw=18&cbuild=11&capex=12&tab=revenue&controls=btc,gpu')}" width="600" height="400" style="border:0" title="HashShift"></iframe>
    <p>On a phone the same scenario fits a narrow column:</p>
    <iframe id="narrow" src="${src('mw=18&tab=cash')}" width="360" height="640" style="border:0" title="HashShift"></iframe>
    <p>The halving of 2028 cuts mining revenue in half again.</p></body></html>`);
  for (const id of ['wide', 'narrow']) {
    const frame = await (await page.$(`#${id}`)).contentFrame();
    await frame.waitForSelector('canvas[data-chart][data-draws]');
    const fit = await frame.evaluate(() => {
      const d = document.scrollingElement;
      return d.scrollHeight <= innerHeight && d.scrollWidth <= innerWidth;
    });
    assert.ok(fit, `${id}: no scrollbars inside the iframe`);
    assert.ok(await frame.isVisible('a[data-action="open-full"]'));
  }
  const wide = await (await page.$('#wide')).contentFrame();
  assert.equal(await wide.locator('[data-panel="controls"] [name]').count(), 2);
  await page.screenshot({ path: `${SHOTS}/article.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('charts follow the window size', async () => {
  const { page, context, problems } = await open(site.browser, site.url, { width: 1280, height: 900 });
  const canvas = page.locator('canvas[data-chart="revenue"]');
  const wide = await canvas.evaluate((c) => c.width);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction((w) => document.querySelector('canvas[data-chart="revenue"]').width !== w, wide);
  const [width, client] = await canvas.evaluate((c) => [c.width, c.clientWidth]);
  assert.ok(width < wide && width === client, `${wide} → ${width} (${client} CSS px)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an embed of fixed height with controls fits them below the chart and its legend', async () => {
  for (const [q, width, height] of [
    ['embed=1&controls=btc,power,gpu&tab=cash&lang=it', 320, 480],
    ['embed=1&controls=btc,gpu&tab=revenue', 600, 400],
  ]) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, { width, height });
    const layout = await page.evaluate(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const app = document.querySelector('.app');
      const legend = box('.chart:not([hidden]) .legend');
      const frame = box('.chart:not([hidden]) .chart-frame');
      const controls = box('[data-panel="controls"]');
      return {
        scrolls: app.scrollHeight > app.clientHeight + 1,
        order: frame.bottom <= legend.top + 0.5 && legend.bottom <= controls.top + 0.5,
        inside: controls.bottom <= innerHeight + 0.5,
        frame: frame.height,
      };
    });
    assert.deepEqual({ ...layout, frame: layout.frame >= 120 }, { scrolls: false, order: true, inside: true, frame: true }, `${q} ${width}×${height}`);
    // The controls scroll in their box, and the last one can be reached.
    await page.locator('[data-panel="controls"] [name]').last().scrollIntoViewIfNeeded();
    assert.ok(await page.locator('[data-panel="controls"] [name]').last().isVisible());
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('embed shows only the controls it names, and they work', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?embed=1&controls=btc,power`, { width: 600, height: 400 });
  assert.ok(await page.isVisible('[data-panel="controls"]'));
  assert.equal(await page.locator('[data-panel="controls"] [name]').count(), 2);
  await page.focus('input[type="range"][data-for="btc"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await waitForQuery(page, (s) => s.includes('btc=')), 'v=3&btc=61000&embed=1&controls=btc,power');
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone width: one column, charts before controls', async () => {
  const { page, context, problems } = await open(site.browser, site.url, { width: 390, height: 844, scale: 2 });
  const chart = await page.$eval('.charts', (e) => e.getBoundingClientRect());
  const controls = await page.$eval('[data-panel="controls"]', (e) => e.getBoundingClientRect());
  assert.ok(chart.bottom <= controls.top, 'charts above the controls');
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), 'no sideways scroll');
  const canvas = await page.$eval('canvas[data-chart="revenue"]', (c) => [c.width, c.clientWidth]);
  assert.equal(canvas[0], canvas[1] * 2, 'canvas drawn at the device pixel ratio');
  await page.screenshot({ path: `${SHOTS}/phone.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long card value on a narrow phone is set smaller to fit whole, never cut', async () => {
  // `−30,7 %/anno` and `55,94 $/ora-GPU` used to end in "…" on a 320 px phone.
  for (const [width, q] of [[320, 'lang=it&mw=0.1&gpucost=1000000'], [360, 'lang=it&btc=10000000&mw=5000&years=20'], [390, 'lang=it&mw=0.1&gpucost=1000000&embed=1']]) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, { width, height: 800 });
    await page.waitForSelector('[data-kpi="breakeven_ai_rate"]');
    assert.deepEqual(await cutValues(page), [], `${width} px, ${q}`);
    // `−30,7 %/anno`, set smaller than the 18 px of a phone's card.
    const irr = await page.$eval('[data-kpi="irr_incremental"] .kpi-value', (e) => [e.textContent, parseFloat(getComputedStyle(e).fontSize)]);
    assert.match(irr[0], /^−\d+,\d\u00a0%\/anno$/);
    if (width === 320) assert.ok(irr[1] < 18 && irr[1] >= 10, String(irr));
    assert.deepEqual(problems, []);
    await context.close();
  }
  // The default scenario's values keep their size (1.2 rem on a phone).
  const { page, context } = await open(site.browser, site.url, { width: 390, height: 800 });
  assert.equal(await page.$eval('[data-kpi="npv_advantage"] .kpi-value', (e) => getComputedStyle(e).fontSize), '18px');
  await context.close();
  // Text at 200 % on a desktop: `−$590 M` and `$73.50/MWh` were cut to `−$590…`, `$73.50/M…`.
  {
    const { page, context } = await open(site.browser, site.url, { width: 1280, height: 900 });
    await page.waitForSelector('[data-kpi="npv_advantage"]');
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.kpi-title')).fontSize === '25.6px');
    assert.deepEqual(await cutValues(page), []);
    await context.close();
  }
});
test('the download menu opens within the page wherever its button wraps', async () => {
  // Hung from the button's right edge, the menu began off the left edge when "Download" was
  // first in its row (Italian at 768 px: "sile (CSV)", "NG", "VG").
  for (const [width, q] of [[768, 'lang=it'], [560, ''], [345, ''], [1280, '']]) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, { width, height: 800 });
    await page.click('.downloads > summary');
    // The menu moves when its `toggle` event comes, a task after it opens.
    const inside = await page.waitForFunction(() => {
      const r = document.querySelector('.downloads[open] .menu')?.getBoundingClientRect();
      return r && r.width > 0 && r.left >= 0 && r.right <= innerWidth;
    }, null, { timeout: 5000 }).then(() => true, () => false);
    const [left, right] = await page.$eval('.downloads .menu', (m) => [m.getBoundingClientRect().left, m.getBoundingClientRect().right]);
    assert.ok(inside, `${width} px ${q}: menu at ${left}–${right}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  // A page narrowed while the menu is open (a phone turned) places it again.
  const { page, context, problems } = await open(site.browser, `${site.url}?lang=it`, { width: 1280, height: 800 });
  await page.click('.downloads > summary');
  await page.waitForFunction(() => document.querySelector('.downloads[open] .menu')?.getBoundingClientRect().width > 0);
  await page.setViewportSize({ width: 768, height: 800 });
  await page.waitForFunction(() => {
    const r = document.querySelector('.downloads[open] .menu').getBoundingClientRect();
    return innerWidth === 768 && r.left >= 0 && r.right <= innerWidth;
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test('End goes to the bottom of the page at once, though the inputs and the yearly table are laid out only when seen', async () => {
  // The page took the unseen groups and table to be 320 px and 26 px tall: the first End
  // stopped 630 px above the bottom, which moved down as they came into view.
  for (const [width, height, q] of [[1280, 900, ''], [390, 844, 'lang=it&years=20'], [360, 700, 'ai=colo']]) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, { width, height });
    await page.waitForSelector('[data-panel="controls"] details.group .control', { state: 'attached' });
    // Once the page is built, its tables too: pressed while they are still being built (on a
    // slow machine), End can stop short of a bottom that is still moving (left for later).
    await page.waitForSelector('table[data-role="annual"]', { state: 'attached' });
    await page.waitForFunction((charts) => document.querySelectorAll('.chart .table-wrap').length === charts
      && document.querySelectorAll('.table-wrap[aria-busy="true"]').length === 0, CHARTS.length);
    await page.keyboard.press('End');
    await page.waitForFunction(() => scrollY > 0 && scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
    // The last group of inputs is laid out, in view.
    assert.ok(await page.$eval('[data-panel="controls"] details.group:last-of-type', (g) => {
      const r = g.getBoundingClientRect();
      return r.height > 200 && r.bottom <= innerHeight + 1;
    }), `${width} px ${q}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('with text at 200 %, every input\'s label, unit and reset stay in its panel', async () => {
  // The unit `mln $/MW IT` and the ↺ of "Adeguamento a ogni rinnovo" went past the page.
  const { page, context } = await open(site.browser, `${site.url}?lang=it`, { width: 1280, height: 900 });
  await page.waitForSelector('[data-panel="controls"] input[type="range"]');
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.control-head label')).fontSize === '28.8px');
  const outside = await page.$$eval('.control-head', (heads) => heads.filter((h) => {
    const box = h.closest('.control').getBoundingClientRect();
    return [...h.children].some((c) => c.getBoundingClientRect().right > box.right + 0.5);
  }).map((h) => h.textContent));
  assert.deepEqual(outside, []);
  await context.close();
});

/** The cards' values cut short, or with their amount broken over two lines. */
const cutValues = (page) => page.$$eval('.kpi-value', (els) => els
  .filter((e) => e.scrollWidth > e.clientWidth || e.querySelector('.amount').getClientRects().length > 1)
  .map((e) => e.textContent));

test('desktop width: charts left, controls right, and Tab meets them in that order', async () => {
  const { page, context, problems } = await open(site.browser, site.url, { width: 1280, height: 900 });
  await page.waitForSelector('[data-panel="controls"] input[type="range"]');
  const chart = await page.$eval('.charts', (e) => e.getBoundingClientRect().toJSON());
  const controls = await page.$eval('[data-panel="controls"]', (e) => e.getBoundingClientRect().toJSON());
  assert.ok(chart.right <= controls.left, `charts (right ${chart.right}) left of the controls (left ${controls.left})`);
  // From the charts' last stop, Tab goes to the controls' first: the panel to the right.
  const inCharts = await page.evaluate(() => {
    const stops = [...document.querySelectorAll('.charts button, .charts [tabindex="0"], .charts input, .charts select')]
      .filter((e) => e.offsetParent !== null);
    stops.at(-1).focus();
    return document.activeElement.closest('.charts') !== null;
  });
  assert.ok(inCharts);
  await page.keyboard.press('Tab');
  const landed = await page.evaluate(() => {
    const e = document.activeElement;
    return { inControls: e.closest('[data-panel="controls"]') !== null, left: e.getBoundingClientRect().left };
  });
  assert.ok(landed.inControls, 'Tab from the charts lands in the controls');
  assert.ok(landed.left >= controls.left);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a schema-1 link keeps its meaning and is rewritten as schema 3', async () => {
  const link = 'v=1&mw=18&phases=2&aiopex=20&tab=cash';
  const cliReport = cli(link);
  const { page, context, problems } = await open(site.browser, `${site.url}?${link}`);
  // The migrated scenario's schema-3 canonical query, with no warning.
  const q = await waitForQuery(page, (s) => s.startsWith('v=3'));
  assert.equal(q, `${cliReport.query}&tab=cash`);
  assert.match(q, /start=2026-01.*btc=90000.*itratio=1\.25.*gpuopex=20&coloopex=20.*tv=book/);
  assert.equal(await page.locator('[data-role="warnings"]').count(), 0);
  const values = await kpiValues(page);
  for (const id of KPIS) assert.equal(values[id], printed(link, id), id);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the discount-rate and value-of-waiting charts draw, read out and carry their data', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?preset=iren-msft&tab=rates`);
  const report = JSON.parse(execFileSync(CLI, ['run', 'preset=iren-msft', '--with', 'rates,timing']));
  await page.waitForSelector('canvas[data-chart="rates"][data-draws]');
  // The data table follows once input settles: one row per rate.
  await page.waitForFunction(() => document.querySelectorAll('table[data-table="rates"] tbody tr').length === 31);
  const row12 = await page.$$eval('table[data-table="rates"] tbody tr:nth-child(13) > *', (c) => c.map((e) => e.textContent));
  assert.deepEqual(row12.slice(0, 2), ['12\u00a0%/yr', '9\u00a0%/yr']);
  await page.locator('canvas[data-chart="rates"]').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas[data-chart="rates"]').boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  const readout = page.locator('.chart:not([hidden]) .readout');
  await readout.waitFor({ state: 'visible' });
  assert.match(await readout.textContent(), /^Mining rate: \d+\u00a0%\/yr.*AI rate.*NPV advantage/);
  await page.click('[data-tab="timing"]');
  await page.waitForSelector('canvas[data-chart="timing"][data-draws]');
  await page.waitForFunction(() => document.querySelectorAll('table[data-table="timing"] tbody tr').length === 13);
  const first = await page.$$eval('table[data-table="timing"] tbody tr:first-child > *', (c) => c.map((e) => e.textContent));
  assert.equal(first[1], 'Jan 2027');
  assert.equal(report.analysis.timing[0].cstart, '2027-01');
  assert.equal(await waitForQuery(page, (s) => s.includes('tab=timing')), `${report.query}&tab=timing`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the yearly table, the market snapshot and controls that follow the model', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?start=2027-07&years=3`);
  await page.waitForFunction(() => document.querySelectorAll('table[data-role="annual"] tbody tr').length === 4);
  const years = await page.$$eval('table[data-role="annual"] tbody th', (c) => c.map((e) => e.textContent));
  assert.deepEqual(years, ['2027', '2028', '2029', '2030']);
  assert.deepEqual(cli('start=2027-07&years=3').years.map((y) => y.months), [6, 12, 12, 6]);
  assert.match(await page.textContent('[data-key="btc"] .snapshot'), /Market snapshot of 26 Jun 2026/);
  assert.match(await page.textContent('[data-key="fee"] .snapshot'), /26 Jun 2026/);
  // The snapshot's date and age, at the top of the market inputs; the age counted from today.
  const snapshot = page.locator('[data-panel="controls"] [data-role="snapshot"]');
  assert.equal(await snapshot.getAttribute('data-date'), '2026-06-26');
  const days = Math.floor((Date.now() - Date.UTC(2026, 5, 26)) / 86400000);
  assert.match((await snapshot.textContent()).replaceAll('\u00a0', ' '), new RegExp(`^Market of 26 Jun 2026 · (${days}|${days - 1}|${days + 1}) days? old`));
  assert.equal(await snapshot.evaluate((e) => e.classList.contains('stale')), days > 90);
  // Cap rate and land value matter only at market value; GPU inputs only for a GPU cloud.
  assert.ok(await page.isVisible('[name="caprate"]'));
  await page.selectOption('[name="tv"]', 'book');
  await page.locator('[name="caprate"]').waitFor({ state: 'hidden' });
  assert.ok(await page.isVisible('[name="dclife"]'));
  await page.selectOption('[name="ai"]', 'colo');
  await page.locator('[name="gpu"]').waitFor({ state: 'hidden' });
  assert.ok(await page.isVisible('[name="colo"]') && await page.isVisible('[name="cterm"]'));
  assert.equal(await waitForQuery(page, (s) => s.includes('ai=colo')), 'v=3&start=2027-07&years=3&ai=colo&tv=book');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a signed deal from the casebook: its source, what the model cannot express, what it set, and the equity\'s cards and chart', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  const casebook = JSON.parse(execFileSync(CLI, ['presets', '--format', 'json']));
  // The picker groups the casebook as the CLI lists it, each case dated.
  const groups = await page.$$eval('#preset optgroup', (gs) => gs.map((g) => [g.label, g.querySelectorAll('option').length]));
  assert.deepEqual(groups, [['Cases from the article', 4], ['Signed deals', 5]]);
  assert.equal(await page.$eval('#preset option[value="riot-amd"]', (o) => o.textContent), `${casebook[8].title} · Jan 2026`);
  // The Financing inputs stay folded while nothing is borrowed.
  const financing = page.locator('[data-panel="controls"] details.group', { has: page.locator('summary', { hasText: 'Financing' }) });
  assert.equal(await financing.evaluate((d) => d.open), false);
  // Choosing Cipher–Fluidstack: its keys, its source, its limits and what it set.
  const cipher = casebook.find((p) => p.id === 'cipher-barber-lake');
  await page.selectOption('#preset', 'cipher-barber-lake');
  assert.equal(await waitForQuery(page, (s) => s.includes('ltc=')), cipher.query);
  const source = page.locator('[data-role="preset-source"]');
  assert.equal(await source.getAttribute('href'), cipher.source);
  assert.deepEqual([await source.getAttribute('target'), await source.getAttribute('rel')], ['_blank', 'noopener']);
  assert.equal(await source.textContent(), 'Source: coinmela.com');
  // The page keeps a number and its unit together (a no-break space), the CLI a plain space.
  const cannot = (await page.textContent('[data-role="preset-cannot"]')).replaceAll('\u00a0', ' ');
  assert.equal(cannot, `What the model cannot express: ${cipher.cannot}`);
  assert.match(await page.textContent('[data-role="preset-set"]'), /^Set: .*Project debt 80\u00a0% of capex, Interest rate of the debt 7\.125\u00a0%\/yr, Debt tenor 0\u00a0years; everything else at defaults\.$/);
  // Borrowing opens the Financing inputs, and the equity's cards are the CLI's.
  await page.waitForFunction(() => [...document.querySelectorAll('details.group')].some((d) => d.open && d.querySelector('[name="ltc"]')));
  assert.equal(await page.inputValue('[name="ltc"]'), '80');
  const values = await kpiValues(page);
  for (const id of [...KPIS, 'equity_irr', 'peak_equity_usd', 'min_dscr']) assert.equal(values[id], printed(cipher.query, id), id);
  assert.match(await page.textContent('[data-role="summary"]'), /With 80\u00a0% of capex borrowed, the equity's return is [\d.]+\u00a0%\/yr; it needs \$[\d.]+\u00a0[MB] of equity at its peak/);
  // The Funding chart draws, with its table a row per year.
  await page.click('[role="tab"][data-tab="funding"]');
  await page.waitForSelector('canvas[data-chart="funding"][data-draws]');
  const years = cli(cipher.query).years.length;
  await page.waitForFunction((n) => document.querySelectorAll('table[data-table="funding"] tbody tr').length === n, years);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
