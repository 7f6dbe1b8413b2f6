// Sharing, comparing and exporting: pinned scenarios, downloads equal to the CLI's output,
// embeds that size themselves in an article, link previews, print and the share sheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { open } from './browser.mjs';
import { site, ROOT, SHOTS, KPIS, cli, cliText, printed, kpiValues, waitForQuery } from './common.mjs';

/** Clicks `selector` and returns the download it starts: its file name and its bytes. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

test('a pinned scenario is compared card by card, chart by chart and input by input', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?tab=cash`);
  await page.click('[data-action="pin"]');
  const pinnedQuery = await waitForQuery(page, (s) => s.includes('cmp='));
  assert.equal(pinnedQuery, 'v=3&tab=cash&cmp=v%3D3');
  // Move two inputs away from A.
  await page.fill('[name="power"]', '40');
  await page.press('[name="power"]', 'Enter');
  await page.fill('[name="gpu"]', '3');
  await page.press('[name="gpu"]', 'Enter');
  const q = await waitForQuery(page, (s) => s.startsWith('v=3&power=40&gpu=3'));
  assert.equal(q, 'v=3&power=40&gpu=3&tab=cash&cmp=v%3D3');
  // Every card carries A's value as the CLI prints it, and now's.
  const compare = await page.$$eval('[data-kpi]', (els) => Object.fromEntries(els.map((e) => [e.dataset.kpi, e.dataset.compareValue])));
  const now = await kpiValues(page);
  for (const id of KPIS) {
    assert.equal(compare[id], printed('v=3', id), `A's ${id}`);
    assert.equal(now[id], printed('v=3&power=40&gpu=3', id), id);
  }
  assert.match(await page.textContent('[data-kpi="npv_advantage"] .kpi-compare'), /^A: \$49\.9\u00a0M · [+−]\$/);
  // A price's change is said in its unit.
  assert.match(await page.textContent('[data-kpi="breakeven_ai_rate"] .kpi-compare'), /^A: \$2\.46\/GPU-h · [+−]\$\d+\.\d\d\/GPU-h$/);
  // The waterfall names the inputs that changed, in table order, and adds up.
  await page.waitForSelector('[data-role="compare"] tr[data-step]');
  const steps = await page.$$eval('[data-role="compare"] tr[data-step]', (rows) => rows.map((r) => r.dataset.step));
  assert.deepEqual(steps, ['Power price', 'GPU rental price']);
  // Its amounts share one scale and one decimal, and the steps as written add up to the
  // totals as written; each value of a change stays whole.
  assert.equal(await page.textContent('[data-role="compare"] thead th:nth-child(3)'), 'NPV advantage, $M');
  const amounts = await page.$$eval('[data-role="compare"] tbody .amount', (cells) =>
    cells.map((c) => Number(c.textContent.replace(/[,+]/g, '').replace('−', '-'))));
  assert.equal(amounts.length, 4);
  assert.ok(amounts.every((a) => Number.isFinite(a)), String(amounts));
  assert.equal(Math.round((amounts[0] + amounts[1] + amounts[2]) * 10), Math.round(amounts[3] * 10));
  assert.deepEqual(await page.$$eval('[data-role="compare"] tr[data-step] td:first-of-type', (cells) =>
    cells.map((c) => [...c.querySelectorAll('.nowrap')].map((s) => s.textContent))), [['$45/MWh', '$40/MWh'], ['$2.5/GPU-h', '$3/GPU-h']]);
  const legend = await page.textContent('.chart:not([hidden]) .legend');
  assert.match(legend, /Pinned scenario \(A\)/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/pinned.png`, fullPage: false });
  // The comparison is a link: a fresh page restores it.
  const fresh = await context.newPage();
  await fresh.goto(`${site.url}?${q}`);
  await fresh.waitForSelector('[data-role="compare"] tr[data-step]');
  assert.equal(await fresh.$eval('[data-kpi="npv_advantage"]', (e) => e.dataset.compareValue), compare.npv_advantage);
  // On a phone the waterfall's amounts stay in view: its names and changes wrap.
  await fresh.setViewportSize({ width: 390, height: 844 });
  await fresh.waitForFunction(() => innerWidth === 390);
  assert.deepEqual(await fresh.$eval('[data-role="compare"]', (e) => e.scrollWidth <= e.clientWidth), true);
  // Unpin clears it.
  await page.click('[data-action="unpin"]');
  assert.equal(await waitForQuery(page, (s) => !s.includes('cmp=')), 'v=3&power=40&gpu=3&tab=cash');
  assert.equal(await page.locator('[data-role="compare"]').count(), 0);
  assert.equal(await page.locator('[data-compare-value]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an input the model does not use is named below the waterfall, not drawn as a $0 step', async () => {
  // A reader raises the GPU-hour's price, then turns to colocation, which rents halls, not
  // GPUs: the price moves nothing when its turn comes, after the AI model's.
  const { page, context, problems } = await open(site.browser, `${site.url}?cmp=v%3D3`);
  await page.fill('[name="gpu"]', '3');
  await page.press('[name="gpu"]', 'Enter');
  await page.selectOption('[name="ai"]', 'colo');
  await waitForQuery(page, (s) => s.includes('gpu=3') && s.includes('ai=colo'));
  const idle = page.locator('[data-role="idle-inputs"]');
  await idle.waitFor();
  assert.equal(await idle.textContent(), 'Also changed, without moving the NPV advantage when their turn came: GPU rental price ($2.5/GPU-h → $3/GPU-h).');
  assert.deepEqual(await page.$$eval('[data-role="compare"] tr[data-step]', (rows) => rows.map((r) => r.dataset.step)), ['AI business model']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('downloads are the CLI output of the canonical query, and the chart as PNG and SVG', async () => {
  const q = 'v=3&mw=18&power=40&gpu=3';
  const { page, context, problems } = await open(site.browser, `${site.url}?${q}&tab=cash&lang=it`, { scale: 1 });
  await page.click('.downloads > summary');
  const csv = await download(page, '[data-action="export-csv"]');
  assert.equal(csv.name, 'hashshift-monthly-mw18_power40_gpu3.csv');
  assert.equal(csv.bytes.toString(), cliText(q, '--format', 'csv'));
  await page.click('.downloads > summary');
  const annual = await download(page, '[data-action="export-annual"]');
  assert.equal(annual.name, 'hashshift-yearly-mw18_power40_gpu3.csv');
  assert.equal(annual.bytes.toString(), cliText(q, '--format', 'annual'));
  await page.click('.downloads > summary');
  const json = await download(page, '[data-action="export-json"]');
  assert.equal(json.name, 'hashshift-report-mw18_power40_gpu3.json');
  assert.equal(json.bytes.toString(), cliText(q, '--format', 'json'));
  await page.click('.downloads > summary');
  const png = await download(page, '[data-action="export-png"]');
  assert.equal(png.name, 'hashshift-cash-mw18_power40_gpu3.png');
  assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
  const [w, h] = pngSize(png.bytes);
  assert.ok(w >= 1200 && w === 2000 && h === 1200, `${w}×${h}: twice the pixel ratio, at least 1200 px wide`);
  await page.click('.downloads > summary');
  const svg = await download(page, '[data-action="export-svg"]');
  assert.equal(svg.name, 'hashshift-cash-mw18_power40_gpu3.svg');
  const text = svg.bytes.toString();
  assert.match(text, /^\s*Cassa\s*$/m, 'the title');
  for (const part of ['Flusso di cassa cumulato', `${site.url}?v=3&amp;mw=18&amp;power=40&amp;gpu=3`, 'Fonte: HashShift', '26 giu 2026']) {
    assert.ok(text.includes(part), part);
  }
  // Its legend, as the page's (with the payback: this plan pays back, as the CLI says).
  assert.equal(cli(q).summary.payback_month, '2034-08');
  const legend = await page.$$eval('.chart:not([hidden]) .legend li', (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(legend, ['Piano (conversione)', 'Solo mining', 'Rientro', 'Halving']);
  for (const item of legend) assert.match(text, new RegExp(`^\\s*${item.replace(/[()]/g, '\\$&')}\\s*$`, 'm'), item);
  assert.deepEqual(problems, []);
  // Look at the exported chart (on a blank page of its own: it is not the site's).
  await page.setContent(`<img src="data:image/png;base64,${png.bytes.toString('base64')}" style="width:1000px">`);
  await page.screenshot({ path: `${SHOTS}/export.png`, fullPage: true });
  await context.close();
});

test('the download menu closes on Escape, on a press outside it and when focus leaves it', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  const open_ = () => page.$eval('.downloads', (d) => d.open);
  await page.click('.downloads > summary');
  assert.equal(await open_(), true);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.downloads').open);
  assert.equal(await page.evaluate(() => document.activeElement.matches('.downloads > summary')), true, 'focus back on its button');
  await page.click('.downloads > summary');
  await page.click('h1');
  await page.waitForFunction(() => !document.querySelector('.downloads').open);
  // Tabbing through its items keeps it open; tabbing past the last closes it.
  await page.focus('.downloads > summary');
  await page.keyboard.press('Enter');
  assert.equal(await open_(), true);
  const items = await page.$$eval('.downloads .menu button', (b) => b.length);
  for (let i = 0; i < items; i++) await page.keyboard.press('Tab');
  assert.equal(await open_(), true, 'on its last item');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => !document.querySelector('.downloads').open);
  // An item chosen by keyboard downloads, closes the menu and gives the focus back to its
  // button (the item is hidden with the menu).
  await page.focus('.downloads > summary');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'export-csv');
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(file.suggestedFilename(), /^hashshift-monthly-.*\.csv$/);
  await page.waitForFunction(() => !document.querySelector('.downloads').open);
  assert.equal(await page.evaluate(() => document.activeElement.matches('.downloads > summary')), true, 'focus back on its button');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the written summary says the result in a sentence a reader could quote', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  // Once the odds' run has landed (until then they read "…").
  await page.locator('[data-kpi="prob_plan_better"][data-state="current"]').waitFor({ timeout: 20000 });
  const summary = await page.textContent('[data-role="summary"]');
  // The CLI's numbers (`hashshift run ''`): npv_advantage 49.94 M, terminal 749.1 M, peak funding
  // 2.689 B in 2028-01, IRR 12.50 %, payback 2036-12; npv_sell 92.66 M, plan 70.25 M, baseline 20.31 M;
  // prob_plan_better 0.337 (34 in 100: about as likely as not).
  assert.equal(summary, 'Converting 100\u00a0MW to a GPU cloud from Jan 2027 is worth $49.9\u00a0M more than keeping it '
    + "mining at 12\u00a0%/yr over 10\u00a0years, counting $749\u00a0M for the halls' value at the horizon. Across the "
    + 'simulated futures, converting is about as likely as not (34\u00a0%) to beat keeping mining. At its peak it '
    + 'needs $2.69\u00a0B more cash than mining (Jan 2028); its return on that cash is 12.5\u00a0%/yr; operations pay it '
    + 'back by Dec 2036. Selling now is worth most of the three choices: $92.7\u00a0M, against $70.3\u00a0M converting and '
    + '$20.3\u00a0M keeping mining.');
  assert.equal(await page.getAttribute('canvas[data-chart="revenue"]', 'aria-describedby'), 'summary');
  assert.equal(cli('').summary.npv_advantage_terminal.toFixed(0), '749137711');
  assert.deepEqual(problems, []);
  await context.close();
});

/** An article page with two embeds and embed.js, as a newsroom's CMS would make it. */
function article(url, width) {
  const src = (q) => `${url}?${q}&embed=1`;
  return `<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"></head>
    <body style="font: 17px Georgia, serif; margin: 0 auto; padding: 16px; max-width: ${width}px; box-sizing: border-box">
    <h1>Will AI absorb Bitcoin mining?</h1>
    <p>Bitfarms is turning its 18 MW Washington site into a GPU cloud. Move the sliders below.</p>
    <iframe id="first" data-hashshift src="${src('preset=bitfarms-wa&tab=revenue&controls=btc,gpu')}" title="HashShift" loading="lazy" style="width:100%;height:480px;border:0"></iframe>
    <p>Leasing the hall instead:</p>
    <iframe id="second" data-hashshift src="${src('preset=colo-lease&tab=cash')}" title="HashShift" loading="lazy" style="width:100%;height:480px;border:0"></iframe>
    <p>The halving of 2028 cuts mining revenue in half again.</p>
    <iframe id="third" data-hashshift src="${src('tab=sensitivity&controls=gpu')}" title="HashShift" loading="lazy" style="width:100%;height:480px;border:0"></iframe>
    <script src="${url}embed.js" async></script></body></html>`;
}

for (const width of [600, 360]) {
  test(`embeds size themselves in an article column of ${width} px`, async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    // The article comes from the site's origin, as a newsroom page would host the script.
    site.server.pages.set('/tools/hashshift/article.html', article(site.url, width));
    await page.goto(`${site.url}article.html`);
    for (const id of ['first', 'second', 'third']) {
      await page.$eval(`#${id}`, (f) => f.scrollIntoView());
      await page.waitForSelector(`#${id}[data-hashshift-sized]`);
      const frame = await (await page.$(`#${id}`)).contentFrame();
      await frame.waitForSelector('.app.sized canvas[data-chart][data-draws]');
      // The iframe is as tall as its page: no inner scrollbar, nothing clipped.
      await page.waitForFunction((i) => {
        const f = document.getElementById(i);
        const d = f.contentDocument.scrollingElement;
        return Math.abs(f.clientHeight - d.scrollHeight) <= 1;
      }, id);
      const fit = await frame.evaluate(() => {
        const d = document.scrollingElement;
        const clipped = [...document.querySelectorAll('.kpi-title, .kpi-value, .open-full, h1, .legend li, .summary')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 0.5)
          .map((e) => e.textContent);
        // The chart stays in its frame, above its legend (a floated button once pushed it down).
        const box = (s) => document.querySelector(`.chart:not([hidden]) ${s}`).getBoundingClientRect();
        const [canvas, frame, legend] = [box('canvas'), box('.chart-frame'), box('.legend')];
        const framed = canvas.top >= frame.top - 0.5 && canvas.bottom <= frame.bottom + 0.5 && canvas.bottom <= legend.top + 0.5;
        return { h: d.scrollHeight <= innerHeight, w: d.scrollWidth <= innerWidth, clipped, framed };
      });
      assert.deepEqual(fit, { h: true, w: true, clipped: [], framed: true }, id);
    }
    await page.screenshot({ path: `${SHOTS}/article-${width}.png`, fullPage: true });
    // The column narrows: the height follows.
    const before = await page.$eval('#second', (f) => f.clientHeight);
    await page.setViewportSize({ width: Math.round(width * 0.75), height: 900 });
    await page.evaluate((w) => { document.body.style.maxWidth = `${w}px`; }, Math.round(width * 0.75));
    await page.waitForFunction((h) => {
      const f = document.getElementById('second');
      return f.clientHeight !== h && Math.abs(f.clientHeight - f.contentDocument.scrollingElement.scrollHeight) <= 1;
    }, before);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('embeds size themselves when embed.js comes after them (a tag manager, a consent banner)', async () => {
  const context = await site.browser.newContext({ viewport: { width: 680, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const src = (q) => `${site.url}?${q}&embed=1`;
  site.server.pages.set('/tools/hashshift/late.html', `<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body>
    <iframe id="one" data-hashshift src="${src('preset=bitfarms-wa&controls=btc')}" title="HashShift" style="width:100%;height:480px;border:0"></iframe>
    <iframe id="two" data-hashshift src="${src('controls=vol')}" title="HashShift" style="width:100%;height:480px;border:0"></iframe>
    </body></html>`);
  await page.goto(`${site.url}late.html`);
  // Both embeds are drawn (and posted their heights to no one) before the script comes.
  for (const id of ['one', 'two']) {
    const frame = await (await page.$(`#${id}`)).contentFrame();
    await frame.waitForSelector('canvas[data-chart][data-draws]');
    await frame.waitForSelector('[data-panel="controls"] input');
  }
  assert.equal(await page.$$eval('iframe[data-hashshift-sized]', (l) => l.length), 0);
  await page.evaluate((url) => {
    const script = document.createElement('script');
    script.src = `${url}embed.js`;
    document.body.append(script);
  }, site.url);
  for (const id of ['one', 'two']) {
    await page.waitForSelector(`#${id}[data-hashshift-sized]`);
    await page.waitForFunction((i) => {
      const f = document.getElementById(i);
      return Math.abs(f.clientHeight - f.contentDocument.scrollingElement.scrollHeight) <= 1;
    }, id);
  }
  // An embed's few controls are laid out even out of view: the page has no estimate of their
  // room to correct once they are scrolled to (one control was taken for 335 px).
  const two = await (await page.$('#two')).contentFrame();
  const group = await two.$eval('.group.flat', (g) => [getComputedStyle(g).contentVisibility, g.getBoundingClientRect().height, g.firstElementChild.getBoundingClientRect().height]);
  assert.equal(group[0], 'visible');
  assert.ok(group[1] < group[2] + 20, `the group (${group[1]} px) is as tall as its one control (${group[2]} px)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the copied embed code is a full-width iframe with the script that sizes it', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?mw=18&tab=cash`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('[data-action="copy-embed"]');
  await page.locator('.share-note', { hasText: 'Embed code copied' }).waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(code, `<iframe data-hashshift src="${site.url}?v=3&amp;mw=18&amp;tab=cash&amp;embed=1" `
    + 'title="HashShift: mine Bitcoin or convert to AI?" loading="lazy" style="width:100%;height:480px;border:0"></iframe>\n'
    + `<script src="${site.url}embed.js" async></script>`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('link previews: title, description and a 1200×630 image from the site itself', async () => {
  const { page, context, problems } = await open(site.browser, site.url);
  const meta = await page.$$eval('meta[property^="og:"], meta[name^="twitter:"]',
    (els) => Object.fromEntries(els.map((e) => [e.getAttribute('property') ?? e.getAttribute('name'), e.content])));
  assert.equal(meta['og:title'], 'HashShift — mine Bitcoin or convert to AI?');
  assert.match(meta['og:description'], /megawatt/);
  assert.equal(meta['twitter:card'], 'summary_large_image');
  const image = await page.request.get(new URL(meta['og:image'], site.url).href);
  assert.equal(image.status(), 200);
  assert.deepEqual(pngSize(await image.body()), [1200, 630]);
  assert.equal(meta['twitter:image'], meta['og:image']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('built with its address, the site names its preview image absolutely, as scrapers need', () => {
  const page = readFileSync(`${ROOT}dist/index.html`, 'utf8');
  assert.match(page, /<meta property="og:image" content="preview.png">/, 'the tests run on a page built for any path');
  const dir = mkdtempSync(`${tmpdir()}/hashshift-`);
  const html = `${dir}/index.html`;
  // As Trunk runs it: on the staged page, named by TRUNK_STAGING_DIR.
  const hook = (url) => spawnSync('bash', [`${ROOT}scripts/site-url.sh`],
    { env: { ...process.env, HASHSHIFT_SITE_URL: url, TRUNK_STAGING_DIR: dir }, encoding: 'utf8' });
  try {
    writeFileSync(html, page);
    // Without an address, nothing changes: the site works from any path.
    assert.equal(hook('').status, 0);
    assert.equal(readFileSync(html, 'utf8'), page);
    // An address that is not one is refused, with the reason, and leaves the page as it was.
    for (const bad of ['example.org/x', 'http://', 'https://example.org/?a="b"']) {
      const refused = hook(bad);
      assert.equal(refused.status, 1, bad);
      assert.match(refused.stderr, /HASHSHIFT_SITE_URL/);
    }
    assert.equal(readFileSync(html, 'utf8'), page);
    assert.equal(hook('https://example.org/tools/hashshift').status, 0);
    const built = readFileSync(html, 'utf8');
    const content = (attr) => [...built.matchAll(new RegExp(`${attr}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
    assert.deepEqual(content('og:image'), ['https://example.org/tools/hashshift/preview.png']);
    assert.deepEqual(content('twitter:image'), ['https://example.org/tools/hashshift/preview.png']);
    assert.deepEqual(content('og:url'), ['https://example.org/tools/hashshift/']);
    // A page without the tags it rewrites fails the build rather than ship unchanged.
    writeFileSync(html, page.replaceAll('preview.png', 'card.png'));
    const failed = hook('https://example.org/');
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /lacks the og:image/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('printing gives the title, link, cards, summary, what changed since A and the chart on one page, without controls', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?mw=18&tab=cash`);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['[data-panel="controls"]', '.share', '.tabs', '.annual']) {
    assert.ok(!(await page.isVisible(hidden)), `${hidden} hidden in print`);
  }
  for (const shown of ['h1', '.print-link', '[data-kpi="npv_advantage"]', '[data-role="summary"]', 'canvas[data-chart="cash"]']) {
    assert.ok(await page.isVisible(shown), `${shown} printed`);
  }
  assert.equal(await page.textContent('.print-link'), `This scenario: ${site.url}?v=3&mw=18&tab=cash`);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, 'one page');
  assert.deepEqual(problems, []);
  await context.close();
  // A pinned comparison prints what changed since A, on the same page from a desktop.
  const pinned = await open(site.browser, `${site.url}?mw=18&power=60&cmp=v%3D3%26mw%3D18&tab=cash`);
  await pinned.page.waitForSelector('.waterfall tr.total');
  await pinned.page.emulateMedia({ media: 'print' });
  assert.ok(await pinned.page.isVisible('[data-role="compare"] .waterfall'), 'the waterfall printed');
  const sheet = await pinned.page.pdf({ format: 'A4' });
  assert.equal((sheet.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'one page');
  assert.deepEqual(pinned.problems, []);
  await pinned.context.close();
});

test('on a phone, Share opens the system share sheet, or copies the link without one', async () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
  const context = await site.browser.newContext(phone);
  await context.addInitScript(() => {
    navigator.share = (data) => { window.shared = data; return Promise.resolve(); };
  });
  const page = await context.newPage();
  await page.goto(`${site.url}?mw=18&lang=it`);
  await page.waitForSelector('canvas[data-chart][data-draws]');
  assert.ok(await page.isVisible('[data-action="share"]'));
  await page.click('[data-action="share"]');
  await page.waitForFunction(() => window.shared);
  const shared = await page.evaluate(() => window.shared);
  assert.equal(shared.url, `${site.url}?v=3&mw=18&lang=it`);
  assert.match(shared.text, /^Convertire 18\u00a0MW a un cloud GPU/);
  await context.close();
  // No share sheet: the link is copied instead, and the page says so.
  const other = await site.browser.newContext(phone);
  await other.grantPermissions(['clipboard-read', 'clipboard-write']);
  const plain = await other.newPage();
  await plain.goto(`${site.url}?mw=18`);
  await plain.waitForSelector('canvas[data-chart][data-draws]');
  assert.equal(await plain.evaluate(() => typeof navigator.share), 'undefined');
  await plain.click('[data-action="share"]');
  await plain.locator('.share-note', { hasText: 'Link copied' }).waitFor();
  assert.equal(await plain.evaluate(() => navigator.clipboard.readText()), `${site.url}?v=3&mw=18`);
  await other.close();
});
