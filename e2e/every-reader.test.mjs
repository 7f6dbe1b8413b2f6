// Every reader: axe-core on every kind of page, data tables and descriptions for every chart,
// sliders a screen reader can use, the dark theme, Italian conventions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { open } from './browser.mjs';
import { site, SHOTS, CLI, CHARTS, KPIS, cli, printed, kpiValues, waitForQuery, axeViolations } from './common.mjs';

/** Each key's English label, from the CLI's key table. */
const LABELS = Object.fromEntries(JSON.parse(execFileSync(CLI, ['keys', '--format', 'json'])).map((k) => [k.key, k.label]));

/** The RGB of the pixel at the canvas's top-left corner (its background). */
const cornerPixel = (page, chart) => page.$eval(`canvas[data-chart="${chart}"]`, (c) => {
  // Copied to a canvas of one pixel: reading the chart's own canvas back would slow it down.
  const copy = document.createElement('canvas');
  copy.width = copy.height = 1;
  const ctx = copy.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(c, 1, 1, 1, 1, 0, 0, 1, 1);
  return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
});

/** Waits until a chart's data table is built from the current input, then returns its rows. */
async function tableRows(page, chart) {
  const wrap = page.locator(`.table-wrap:has(table[data-table="${chart}"])[aria-busy="false"]`);
  await wrap.waitFor({ state: 'attached' });
  return wrap.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

/** A phone with a touch screen at `query`, its tables built (nothing moves on it after), with
 * `touch(type, x, y)` (a CDP touch event), `drag(x, y, dx, dy)` (a finger from x, y to x + dx,
 * y + dy in ten moves, held still for five frames before it lifts, so that the page is not
 * flung on), `swipeUp(x, y)` (250 px up) and `centred(locator)` (scrolled to the middle of the
 * screen: its box, and the page's scrollY). */
async function touchPhone(query) {
  const opened = await open(site.browser, `${site.url}?${query}`, { width: 390, height: 844, scale: 3, touch: true });
  const { page } = opened;
  await page.waitForSelector('table[data-role="annual"]', { state: 'attached' });
  await page.waitForFunction((charts) => document.querySelectorAll('.chart .table-wrap').length === charts
    && document.querySelectorAll('.table-wrap[aria-busy="true"]').length === 0, CHARTS.length);
  const cdp = await opened.context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  const drag = async (x, y, dx, dy) => {
    await touch('touchStart', x, y);
    for (let i = 1; i <= 10; i++) await touch('touchMove', x + i * dx / 10, y + i * dy / 10);
    for (let i = 0; i < 5; i++) {
      await touch('touchMove', x + dx, y + dy);
      await frame();
    }
    await touch('touchEnd');
  };
  const swipeUp = (x, y) => drag(x, y, 0, -250);
  const centred = async (locator) => {
    await locator.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    return { box: await locator.boundingBox(), scrolled: await opened.page.evaluate(() => scrollY) };
  };
  return { ...opened, touch, drag, swipeUp, centred };
}

test('axe-core finds no violation, of any impact, on any kind of page', async () => {
  const pages = [
    ['desktop', '', {}],
    ['desktop with data shown and a pin', 'cmp=v%3D3%26gpu%3D3', {}],
    ['embed', 'embed=1&controls=btc,power', {}],
    ['Italian', 'lang=it&tab=map', {}],
    ['dark theme', 'theme=dark&tab=sensitivity', {}],
    ['dark system', 'tab=cash', { colorScheme: 'dark' }],
    ['phone', 'lang=it', { width: 390, height: 844, scale: 3 }],
  ];
  for (const [name, q, options] of pages) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, options);
    if (name.includes('data shown')) {
      await page.click('[data-action="show-data"]');
      await page.waitForSelector('[data-role="compare"] tr[data-step]');
    }
    await page.waitForSelector('.chart:not([hidden]) .table-wrap[aria-busy="false"]', { state: 'attached' });
    // The controls are built after the first frame: axe checks them too.
    await page.waitForSelector('[data-panel="controls"] input', { state: 'attached' });
    assert.deepEqual(await axeViolations(page), [], name);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});

test('a screen reader reaches each region by a heading and each group of inputs by its name', async () => {
  for (const [q, headings] of [
    ['', ['HashShift', 'Headline numbers', 'The result in a sentence', 'Charts', 'Scenario inputs', 'What would have to be true', 'Year by year']],
    ['lang=it', ['HashShift', 'Numeri principali', 'Il risultato in una frase', 'Grafici', 'Dati dello scenario', 'Che cosa dovrebbe essere vero', 'Anno per anno']],
  ]) {
    const { page, context } = await open(site.browser, `${site.url}?${q}`);
    await page.waitForSelector('[data-panel="controls"] details.group', { state: 'attached' });
    assert.deepEqual(await page.getByRole('heading').allTextContents(), headings, q);
    // A group of inputs was a nameless "group": it is named as its summary reads.
    const titles = await page.locator('details.group > summary').allTextContents();
    assert.ok(titles.length >= 8, String(titles));
    for (const title of titles) assert.equal(await page.getByRole('group', { name: title, exact: true }).count(), 1, title);
    await context.close();
  }
});

test('every chart has a data table, a label and a description, and "Show the data" shows it', async () => {
  const q = 'v=3&mc=200';
  const { page, context, problems } = await open(site.browser, `${site.url}?${q}`);
  const report = cli(q, '--with', 'tornado,map,rates,timing');
  const { tornado, rates, timing } = report.analysis;
  const years = report.years.length;
  // The page's tabs are the registry's charts, in its order.
  const tabs = await page.$$eval('[role="tab"][data-tab]', (els) => els.map((e) => e.dataset.tab));
  assert.deepEqual(tabs, CHARTS);
  const rowsOf = {
    revenue: years, cash: years, funding: years, hashprice: years, fan: years, odds: 100,
    sensitivity: tornado.length, map: null,
    rates: rates.length, timing: timing.length,
  };
  assert.deepEqual(Object.keys(rowsOf).sort(), [...CHARTS].sort(), 'a row count for every chart');
  for (const chart of CHARTS) {
    await page.click(`[role="tab"][data-tab="${chart}"]`);
    const canvas = page.locator(`canvas[data-chart="${chart}"]`);
    assert.equal(await canvas.getAttribute('role'), 'img');
    assert.ok((await canvas.getAttribute('aria-label')).length > 20, chart);
    const described = await canvas.getAttribute('aria-describedby');
    assert.match(await page.textContent(`#${described}`), /^Converting 100\u00a0MW/);
    if (chart === 'fan' || chart === 'odds') await page.waitForSelector(`#panel-${chart} [data-role="monte-carlo"][data-state="current"]`);
    const rows = await tableRows(page, chart);
    const expected = rowsOf[chart];
    if (expected !== null) assert.equal(rows.length, expected, chart);
  }
  // The tornado's table lists its bars widest first, as the CLI does.
  await page.click('[role="tab"][data-tab="sensitivity"]');
  const bars = (await tableRows(page, 'sensitivity')).map((r) => r[0]);
  assert.deepEqual(bars, tornado.map((b) => LABELS[b.key]));
  // The map's table has every cell of the page's square grid (a header column plus one per BTC
  // price), with the scenario's GPU rate in its middle row.
  await page.click('[role="tab"][data-tab="map"]');
  const map = await tableRows(page, 'map');
  assert.ok(map.length >= 21 && map.length % 2 === 1, `${map.length}`);
  assert.ok(map.every((r) => r.length === map.length + 1));
  assert.equal(map[(map.length - 1) / 2][0], '2.5');
  // Visually hidden until asked for, then shown; the toggle says whether it is pressed.
  const wrap = page.locator('.chart:not([hidden]) .table-wrap:has(table[data-table="map"])');
  assert.ok((await wrap.boundingBox()).width <= 1);
  await page.click('[data-action="show-data"]');
  assert.equal(await page.getAttribute('[data-action="show-data"]', 'aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('.chart:not([hidden]) table[data-table="map"]').getBoundingClientRect().width > 300);
  await page.click('[role="tab"][data-tab="cash"]');
  await page.waitForFunction(() => document.querySelector('.chart:not([hidden]) table[data-table="cash"]')?.getBoundingClientRect().width > 200);
  await page.locator('.chart:not([hidden]) .table-wrap').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/data-table-desktop.png`, fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the data table on a phone scrolls inside its box', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?tab=revenue&lang=it`, { width: 390, height: 844, scale: 3 });
  await page.click('[data-action="show-data"]');
  await tableRows(page, 'revenue');
  const box = await page.locator('.chart:not([hidden]) .table-wrap').boundingBox();
  assert.ok(box.width <= 390 && box.width > 300, `${box.width}`);
  const doc = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(doc <= 390, `the page does not scroll sideways (${doc})`);
  // The first column's header sits over the row names under it, on the left.
  const aligned = await page.$eval('.chart:not([hidden]) table[data-table]', (t) => [
    getComputedStyle(t.querySelector('thead th')).textAlign, getComputedStyle(t.querySelector('tbody th')).textAlign]);
  assert.deepEqual(aligned, ['left', 'left']);
  await page.locator('.chart:not([hidden]) .table-wrap').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/data-table-phone.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a screen reader hears the new headline once a change rests, not on load', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  const announce = page.locator('[data-role="announce"]');
  assert.equal(await announce.getAttribute('role'), 'status');
  await page.waitForSelector('input[type="range"][data-for="gpu"]');
  assert.equal(await announce.textContent(), '', 'the headline on load is on the page already');
  await page.focus('input[type="range"][data-for="gpu"]');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await page.waitForFunction(() => document.querySelector('[data-role="announce"]').textContent !== '');
  const npv = await page.textContent('[data-kpi="npv_advantage"] .kpi-value');
  assert.equal(await announce.textContent(), `NPV advantage of converting: ${npv}`);
  assert.notEqual(npv, '$49.9\u00a0M', 'the headline moved');
  assert.deepEqual(problems, []);
  await context.close();
});

test('sliders announce their value with its unit and take PageUp, PageDown, Home and End', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?lang=it`);
  const slider = page.locator('input[type="range"][data-for="power"]');
  assert.equal(await slider.getAttribute('aria-valuetext'), '45\u00a0$/MWh');
  assert.equal(await slider.getAttribute('aria-label'), "Prezzo dell'energia");
  // The number box is described by its unit and its help.
  const described = await page.$eval('[name="power"]', (b) => b.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent));
  assert.equal(described[0], '$/MWh');
  assert.match(described[1], /\S/);
  await slider.focus();
  await page.keyboard.press('PageUp');
  assert.equal(await waitForQuery(page, (s) => s.includes('power=')), 'v=3&power=65&lang=it');
  await page.keyboard.press('End');
  await waitForQuery(page, (s) => s.includes('power=200'));
  await page.keyboard.press('PageDown');
  await waitForQuery(page, (s) => s.includes('power=180'));
  await page.keyboard.press('Home');
  await waitForQuery(page, (s) => s.includes('power=0&'));
  await page.keyboard.press('ArrowRight');
  await waitForQuery(page, (s) => s.includes('power=0.5&'));
  assert.equal(await slider.getAttribute('aria-valuetext'), '0,5\u00a0$/MWh');
  assert.equal(await page.inputValue('[name="power"]'), '0,5');
  // A value beyond the slider's end (200) steps from itself, not from the end.
  await page.fill('[name="power"]', '300');
  await page.press('[name="power"]', 'Enter');
  await waitForQuery(page, (s) => s.includes('power=300&'));
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await waitForQuery(page, (s) => s.includes('power=299.5&'));
  assert.equal(await slider.getAttribute('aria-valuetext'), '299,5\u00a0$/MWh');
  assert.equal(await page.inputValue('[name="power"]'), '299,5');
  // So does a page: a tenth of the slider's range, 20.
  await page.keyboard.press('PageDown');
  await waitForQuery(page, (s) => s.includes('power=279.5&'));
  assert.equal(await slider.getAttribute('aria-valuetext'), '279,5\u00a0$/MWh');
  // End, at a value past the slider's end, keeps the value (the slider already stands at its
  // end): the step after it is from 279.5 (to 279), not from the end (to 199.5).
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await waitForQuery(page, (s) => s.includes('power=279&'));
  assert.equal(await page.inputValue('[name="power"]'), '279');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a touch screen a swipe that starts on a slider scrolls the page and leaves the value; the thumb drags', async () => {
  // A thumb landing on the track to scroll set the value where it landed (power 45 → 164).
  const { page, context, problems, drag, swipeUp, centred } = await touchPhone('lang=it');
  const slider = page.locator('input[type="range"][data-for="power"]');
  const { box, scrolled } = await centred(slider);
  await swipeUp(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.waitForFunction((from) => scrollY > from + 100, scrolled);
  assert.equal(await slider.inputValue(), '45');
  assert.equal(await page.inputValue('[name="power"]'), '45');
  // The thumb (at 45 of 0–200) drags the value: 80 px to the right.
  const { box: at } = await centred(slider);
  await drag(at.x + 14 + (at.width - 28) * 45 / 200, at.y + at.height / 2, 80, 0);
  // The drag ends about 74 $/MWh higher (80 of the track's 215 px); the address follows.
  await waitForQuery(page, (s) => {
    const power = Number(new URLSearchParams(s).get('power'));
    return power > 90 && power < 130;
  });
  assert.equal(await slider.inputValue(), await page.evaluate(() => new URLSearchParams(location.search).get('power')));
  // Whatever a finger presses is at least 24 px square.
  const small = await page.$$eval('.reset, .control input[type="checkbox"], input[type="range"]', (els) => els
    .filter((e) => e.getClientRects().length > 0)
    .map((e) => [e.id || e.className, e.getBoundingClientRect()])
    .filter(([, r]) => r.width < 24 || r.height < 24)
    .map(([id, r]) => `${id} ${r.width}×${r.height}`));
  assert.deepEqual(small, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a touch screen a tap on a chart shows its read-out and leaves it; a swipe on it scrolls and clears it', async () => {
  const { page, context, problems, touch, swipeUp, centred } = await touchPhone('tab=cash');
  const { box, scrolled } = await centred(page.locator('canvas[data-chart="cash"]'));
  const [x, y] = [box.x + box.width * 0.6, box.y + box.height * 0.5];
  await touch('touchStart', x, y);
  await touch('touchEnd');
  const readout = page.locator('.chart:not([hidden]) .readout');
  await readout.waitFor({ state: 'visible' });
  assert.match(await readout.innerText(), /^[A-Z][a-z]{2} 20\d\d\n/);
  // A press elsewhere on the page takes it away; a tap brings it back.
  const caption = await page.locator('.chart:not([hidden]) .chart-caption').boundingBox();
  await touch('touchStart', caption.x + 20, caption.y + caption.height / 2);
  await touch('touchEnd');
  await readout.waitFor({ state: 'hidden' });
  await touch('touchStart', x, y);
  await touch('touchEnd');
  await readout.waitFor({ state: 'visible' });
  // A vertical swipe from the chart scrolls the page and takes the read-out away.
  await swipeUp(x, y);
  await readout.waitFor({ state: 'hidden' });
  await page.waitForFunction((from) => scrollY > from + 100, scrolled);
  assert.deepEqual(problems, []);
  await context.close();
});

test('chart tabs follow the ARIA tabs pattern: one tab stop, arrows, Home and End, named panels', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?tab=cash`);
  const tabs = await page.$$eval('[role="tab"]', (ts) => ts.map((t) => [t.dataset.tab, t.tabIndex, t.getAttribute('aria-controls')]));
  assert.deepEqual(tabs.filter(([, i]) => i === 0).map(([n]) => n), ['cash'], 'the tab shown is the one tab stop');
  // Each tab names its panel, and the panel is named by its tab.
  for (const [name, , panel] of tabs) {
    assert.equal(await page.$eval(`#${panel}`, (p) => [p.getAttribute('role'), p.getAttribute('aria-labelledby')].join(' ')), `tabpanel tab-${name}`);
  }
  const shown = async (name) => {
    await page.waitForFunction((n) => document.activeElement?.dataset.tab === n
      && document.activeElement.getAttribute('aria-selected') === 'true'
      && !document.getElementById(`panel-${n}`).hidden, name);
    return waitForQuery(page, (s) => name === 'revenue' ? !s.includes('tab=') : s.includes(`tab=${name}`));
  };
  const names = tabs.map(([n]) => n);
  await page.focus('[role="tab"][data-tab="cash"]');
  await page.keyboard.press('ArrowRight');
  await shown(names[names.indexOf('cash') + 1]);
  await page.keyboard.press('End');
  await shown(names.at(-1));
  await page.keyboard.press('ArrowRight');
  await shown(names[0]);
  await page.keyboard.press('ArrowLeft');
  await shown(names.at(-1));
  await page.keyboard.press('Home');
  await shown(names[0]);
  assert.deepEqual(problems, []);
  await context.close();
  // On a phone the strip scrolls sideways, and a link's tab is scrolled into view.
  const phone = await open(site.browser, `${site.url}?tab=timing&lang=it`, { width: 390, height: 844, scale: 3 });
  await phone.page.waitForFunction(() => {
    const [strip, tab] = [document.querySelector('[role="tablist"]'), document.getElementById('tab-timing')];
    const [s, t] = [strip.getBoundingClientRect(), tab.getBoundingClientRect()];
    return strip.scrollWidth > strip.clientWidth && t.left >= s.left - 0.5 && t.right <= s.right + 0.5;
  });
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});

test('theme: dark by key or by the system, light by key, charts and page redrawn to match', async () => {
  const dark = [0x14, 0x18, 0x1e];
  const light = [0xff, 0xff, 0xff];
  // The key wins over the system.
  for (const [q, scheme, theme] of [['theme=dark', 'light', 'dark'], ['theme=light', 'dark', 'light'], ['', 'dark', 'dark'], ['', 'light', 'light']]) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, { colorScheme: scheme });
    await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
    assert.deepEqual(await cornerPixel(page, 'revenue'), theme === 'dark' ? dark : light, `${q} ${scheme}`);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(bg, theme === 'dark' ? 'rgb(20, 24, 30)' : 'rgb(255, 255, 255)');
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Under auto, a change of the system's scheme flips the page and redraws the chart.
  const { page, context, problems } = await open(site.browser, `${site.url}?tab=cash`, { colorScheme: 'light' });
  const draws = await page.$eval('canvas[data-chart="cash"]', (c) => +c.dataset.draws);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.waitForFunction((n) => +document.querySelector('canvas[data-chart="cash"]').dataset.draws > n, draws);
  assert.deepEqual(await cornerPixel(page, 'cash'), dark);
  assert.equal(await page.evaluate(() => location.search), '?v=3&tab=cash', 'the theme in force is not written into the link');
  await page.screenshot({ path: `${SHOTS}/dark.png` });
  // Printing is light, and the chart is repainted light for it.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await cornerPixel(page, 'cash'), light);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.deepEqual(await cornerPixel(page, 'cash'), dark);
  assert.deepEqual(problems, []);
  await context.close();
});

test('embeds take the theme, and a dark page embeds dark', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?embed=1&theme=dark`);
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.match(await page.getAttribute('a[data-action="open-full"]', 'href'), /theme=dark/);
  await context.close();
  const full = await open(site.browser, `${site.url}?theme=dark`);
  await full.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await full.page.click('[data-action="copy-embed"]');
  const code = await full.page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /theme=dark&amp;embed=1/);
  assert.deepEqual([...problems, ...full.problems], []);
  await full.context.close();
});

test('with reduced motion asked for, nothing on the page moves', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?tab=cash`, { reducedMotion: 'reduce' });
  await page.click('[role="tab"][data-tab="revenue"]');
  await page.hover('canvas[data-chart="revenue"]');
  const moving = await page.evaluate(() => document.getAnimations().length);
  assert.equal(moving, 0);
  const smooth = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
  assert.equal(smooth, 'auto');
  assert.deepEqual(problems, []);
  await context.close();
});

/** A CSS colour `#rrggbb` as the browser computes it, `rgb(r, g, b)`. */
const rgbOf = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.trim().slice(i, i + 2), 16)).join(', ')})`;

/** How much of an element's width, 0–1, shows something other than the page's background in a
 * screenshot: each column of pixels counts if any of its pixels differs. */
async function inkedWidth(page, locator) {
  const png = (await locator.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data: px } = ctx.getImageData(0, 0, c.width, c.height);
    const bg = px.slice(0, 3).join();
    let inked = 0;
    for (let x = 0; x < c.width; x++) {
      for (let y = 0; y < c.height; y++) {
        const i = (y * c.width + x) * 4;
        if (px.slice(i, i + 3).join() !== bg) { inked++; break; }
      }
    }
    return inked / c.width;
  }, png);
}

test('in forced colours (high contrast) the legend keeps its colours, the chosen tab its mark, a touch slider its track', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?mw=18`, { forcedColors: 'active' });
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  // Each swatch keeps its chart colour, as the canvas does.
  const swatches = await page.$$eval('.chart:not([hidden]) .legend .swatch', (list) => list.map((e) => {
    const cs = getComputedStyle(e);
    const color = e.classList.contains('band') || e.classList.contains('bar') ? cs.backgroundColor : cs.borderTopColor;
    return [color, e.style.getPropertyValue('--c')];
  }));
  assert.ok(swatches.length >= 4);
  for (const [color, hex] of swatches) assert.equal(color, rgbOf(hex));
  // Only the chosen tab is underlined.
  const borders = await page.$$eval('[role="tab"]', (tabs) => tabs.map((t) => {
    const cs = getComputedStyle(t);
    return { active: t.getAttribute('aria-selected') === 'true', line: cs.borderBottomColor, bg: cs.backgroundColor };
  }));
  const chosen = borders.filter((b) => b.active);
  assert.equal(chosen.length, 1);
  assert.notEqual(chosen[0].line, chosen[0].bg);
  for (const b of borders.filter((b) => !b.active)) {
    assert.notEqual(b.line, chosen[0].line);
    assert.equal(b.line, b.bg, 'no line under a tab not chosen');
  }
  assert.deepEqual(problems, []);
  await context.close();
  // The bars of what changed since a pinned scenario keep their colours.
  const pinned = await open(site.browser, `${site.url}?mw=18&power=60&cmp=v%3D3%26mw%3D18`, { forcedColors: 'active' });
  await pinned.page.waitForSelector('.waterfall .bar');
  const bars = await pinned.page.$$eval('.waterfall .bar', (list) => list.map((e) => getComputedStyle(e).backgroundColor));
  const canvas = await pinned.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.ok(bars.length >= 2);
  for (const bar of bars) assert.notEqual(bar, canvas);
  assert.deepEqual(pinned.problems, []);
  await pinned.context.close();
  // On a touch screen the page draws the slider's track: it stays drawn, across the slider.
  const phone = await open(site.browser, `${site.url}?mw=18`, { width: 390, height: 844, scale: 2, touch: true, forcedColors: 'active' });
  const slider = phone.page.locator('input[type="range"][data-for="power"]');
  await slider.scrollIntoViewIfNeeded();
  const inked = await inkedWidth(phone.page, slider);
  assert.ok(inked > 0.9, `the track shows across ${(inked * 100).toFixed(0)} % of the slider`);
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});

test('print: the chart is repainted light for the paper at its own proportions, with every card, the headline cards\' sentences and a legend in its colours', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?mw=18&theme=dark&tab=cash`, { width: 390, height: 844, scale: 3 });
  const canvas = 'canvas[data-chart="cash"]';
  const size = () => page.$eval(canvas, (c) => [c.width, c.height]);
  const screen = await size();
  // A print paints the chart for the paper, and back after.
  const draws = await page.$eval(canvas, (c) => +c.dataset.draws);
  await page.pdf({ format: 'A4' });
  assert.equal(await page.$eval(canvas, (c) => +c.dataset.draws), draws + 2);
  assert.deepEqual(await size(), screen);
  // What the paper gets.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  // 720 × 380 CSS px at the phone's 3 device px each.
  assert.deepEqual(await size(), [2160, 1140]);
  await page.emulateMedia({ media: 'print' });
  const paper = await page.evaluate((sel) => {
    const c = document.querySelector(sel);
    const box = c.getBoundingClientRect();
    const shown = (e) => e.getBoundingClientRect().width > 1 && getComputedStyle(e).display !== 'none';
    const swatch = document.querySelector('.chart:not([hidden]) .legend .swatch.line');
    return {
      ratio: Math.round((box.width / box.height) * 100) / 100,
      cards: [...document.querySelectorAll('.kpi')].filter(shown).length,
      // (Of the cards printed: the odds card stays off the paper, and the best choice prints
      // its three NPVs but not how the sale is valued, which the summary's sentence says.)
      sentences: [...document.querySelectorAll('.kpi-row.primary .kpi:not([data-kpi="best_choice"])')].filter(shown)
        .every((k) => shown(k.querySelector('.kpi-meaning'))),
      choices: shown(document.querySelector('[data-kpi="best_choice"] .kpi-choices')),
      swatch: getComputedStyle(swatch).borderTopColor,
      paper: swatch.style.getPropertyValue('--c-paper'),
      link: shown(document.querySelector('.print-link')),
    };
  }, canvas);
  assert.equal(paper.ratio, Math.round((720 / 380) * 100) / 100);
  assert.equal(paper.cards, 12);
  assert.equal(paper.sentences, true);
  assert.equal(paper.choices, true);
  assert.equal(paper.swatch, rgbOf(paper.paper), 'the legend in the light chart colours');
  assert.equal(paper.link, true);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // (Emulated print media also resized the chart's box: the page repaints it as it follows.)
  await page.waitForFunction(([sel, [w, h]]) => {
    const c = document.querySelector(sel);
    return c.width === w && c.height === h;
  }, [canvas, screen]);
  assert.deepEqual(problems, []);
  await context.close();
  // A data table shown prints whole, not in its scrolling box.
  const rates = await open(site.browser, `${site.url}?mw=18&tab=rates`);
  await rates.page.click('[data-action="show-data"]');
  await rates.page.waitForSelector('table[data-table="rates"]:not([aria-busy="true"])');
  await rates.page.emulateMedia({ media: 'print' });
  const box = await rates.page.$eval('.chart:not([hidden]) .table-wrap', (w) => [w.scrollHeight, w.clientHeight]);
  assert.ok(box[0] > 420 && box[0] <= box[1] + 1, `the table's ${box[0]} px all shown (${box[1]} px)`);
  await rates.context.close();
  // An embed printed in its host's page keeps its frame's size, its chart repainted light and
  // kept in proportion, its inputs shown; its link is the full explorer's.
  const embed = await open(site.browser, `${site.url}?mw=18&theme=dark&embed=1&controls=power`, { width: 600, height: 700 });
  const embedded = () => embed.page.$eval('canvas[data-chart]', (c) => [c.width, c.height, c.parentElement.getBoundingClientRect().height]);
  const shown = await embedded();
  await embed.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await embedded(), shown);
  assert.deepEqual(await cornerPixel(embed.page, 'revenue'), [0xff, 0xff, 0xff], 'light');
  await embed.page.emulateMedia({ media: 'print' });
  assert.ok((await embedded())[2] > 100, 'the frame keeps its height in print');
  assert.equal(await embed.page.$eval('canvas[data-chart]', (c) => getComputedStyle(c).objectFit), 'contain');
  assert.ok(await embed.page.isVisible('input[data-for="power"]'));
  assert.equal(await embed.page.textContent('.print-link'), `This scenario: ${site.url}?v=3&mw=18&theme=dark`);
  assert.deepEqual(embed.problems, []);
  await embed.context.close();
});

test('the page follows the reader\'s text size; a window too low for the chart scrolls it with the page', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await page.goto(`${site.url}?mw=18`);
  await page.waitForSelector('canvas[data-chart][data-draws]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '22.5px');
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth), 1280);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => document.scrollingElement.scrollWidth === 390);
  await context.close();
  for (const [height, position] of [[900, 'sticky'], [300, 'static']]) {
    const opened = await open(site.browser, `${site.url}?mw=18`, { width: 1024, height });
    const panel = await opened.page.$eval('.charts', (e) => [getComputedStyle(e).position, e.getBoundingClientRect().height]);
    assert.equal(panel[0], position, `${height} px`);
    if (position === 'sticky') assert.ok(panel[1] < height, 'a sticky panel fits its window');
    await opened.context.close();
  }
});

test('Italian throughout: numbers, money, dates, warnings, presets, read-outs and typing', async () => {
  const q = 'v=3&lang=it';
  const { page, context, problems } = await open(site.browser, `${site.url}?${q}&mw=abc&foo=1`);
  // Warnings in Italian.
  const warnings = await page.$$eval('[data-role="warnings"] li', (li) => li.map((l) => l.textContent));
  assert.deepEqual(warnings, ['La chiave sconosciuta foo è stata ignorata.', 'mw: “abc” non è un numero; si usa 100.']);
  // Key names in code type, where the CLI writes backticks.
  assert.deepEqual(await page.$$eval('[data-role="warnings"] li code', (c) => c.map((e) => e.textContent)), ['foo', 'mw']);
  // The same numbers as the CLI, written the Italian way.
  const values = await kpiValues(page);
  for (const id of KPIS) assert.equal(values[id], printed('v=3', id), id);
  assert.equal(await page.textContent('[data-kpi="npv_advantage"] .kpi-value'), '49,9\u00a0mln\u00a0$');
  assert.match(await page.textContent('[data-kpi="peak_funding_usd"] .kpi-value'), /^2,69\u00a0mld\u00a0\$ gen 2028$/);
  assert.equal(await page.textContent('[data-kpi="irr_incremental"] .kpi-value'), '12,5\u00a0%/anno');
  assert.equal(await page.textContent('[data-kpi="next_halving"] .kpi-value'), 'apr 2028');
  assert.match(await page.textContent('[data-kpi="next_halving"] .kpi-meaning'), /17 apr 2028/);
  assert.equal(await page.textContent('[data-kpi="mining_breakeven_power"] .kpi-value'), '62,97\u00a0$/MWh');
  // The document's title and description.
  assert.deepEqual(await page.evaluate(() => [document.title, document.querySelector('meta[name=description]').content]), [
    "HashShift — minare Bitcoin o convertire all'IA?",
    "Quanto rende un megawatt se continua a minare Bitcoin, e quanto se convertito al calcolo per l'IA. Muovi i cursori; condividi il link.",
  ]);
  // Preset titles and notes.
  const iren = await page.$eval('#preset option[value="iren-msft"]', (o) => [o.textContent, o.title]);
  assert.match(iren[0], /^Stile IREN–Microsoft/);
  assert.match(iren[1], /9,7\u00a0mld\u00a0\$ in 5\u00a0anni/);
  // Read-outs (the chart scrolled into view: the casebook's lines push it down).
  await page.locator('canvas[data-chart="revenue"]').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas[data-chart="revenue"]').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const readout = await page.locator('.chart:not([hidden]) .readout').innerText();
  assert.match(readout, /^(gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic) 20\d\d\n/);
  assert.match(readout, /Piano: IA\s+[\d,]+\u00a0mln\u00a0\$/);
  // Axis labels of the chart image are checked natively (tests/charts.rs); the table here.
  const rows = await tableRows(page, 'revenue');
  assert.match(rows[1][2], /^[\d,]+\u00a0(mln|mld)\u00a0\$$/);
  // Typing with a decimal comma; the canonical URL does not change with the language.
  await page.click('[data-role="warnings"] .dismiss');
  await page.fill('[name="power"]', '47,5');
  await page.press('[name="power"]', 'Enter');
  assert.equal(await waitForQuery(page, (s) => s.includes('power=')), 'v=3&power=47.5&lang=it');
  assert.equal(await page.inputValue('[name="power"]'), '47,5');
  assert.equal(await page.locator('[data-role="warnings"]').count(), 0);
  assert.equal(await page.$eval('[data-kpi="npv_advantage"]', (e) => e.dataset.value), printed('v=3&power=47.5', 'npv_advantage'));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/italian.png` });
  // Typed key by key, a number with its thousands marked stays as typed (a clean value on the
  // way, `1.2` or `1.234`, applies but does not rewrite the box) and reads whole at the change.
  const btc = page.locator('[name="btc"]');
  await btc.fill('');
  await btc.pressSequentially('1.234.567');
  assert.equal(await btc.inputValue(), '1.234.567');
  await btc.press('Tab');
  assert.equal(await waitForQuery(page, (s) => s.includes('btc=1234567')), 'v=3&power=47.5&btc=1234567&lang=it');
  assert.equal(await btc.inputValue(), '1234567');
  assert.equal(await page.locator('[data-role="warnings"]').count(), 0);
  // A warning quotes what was typed, and says its numbers the Italian way.
  await page.fill('[name="power"]', '1.234,5');
  await page.press('[name="power"]', 'Enter');
  assert.equal(await page.locator('[data-role="warnings"] li').innerText(),
    'power: 1.234,5 è sopra il massimo 500\u00a0$/MWh; si usa 500.');
  await page.fill('[name="power"]', '4,5,6');
  await page.press('[name="power"]', 'Enter');
  assert.equal(await page.locator('[data-role="warnings"] li').innerText(),
    'power: “4,5,6” non è un numero; si usa 500.');
  assert.deepEqual(problems, []);
  await context.close();
});
