// Monte Carlo in the browser: it runs in a web worker, loaded as the page loads while `mc > 0`
// (and never with `mc=0`), shows its progress, never holds up a redraw, drops superseded runs,
// and prints the CLI's numbers: in the odds card (`[data-kpi=prob_plan_better]`), the summary's
// sentence and the odds chart (a quantile dotplot of 100 dots), which never show the previous
// inputs' numbers while a run goes on, and under the fan; a download waits for its run, and a
// worker that cannot load says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './browser.mjs';
import { readFileSync } from 'node:fs';
import { site, SHOTS, cliText, printed, search, waitForQuery, axeViolations } from './common.mjs';

// The fan's line (the odds chart has one too).
const LINE = '#panel-fan [data-role="monte-carlo"]';
const ODDS = '[data-kpi="prob_plan_better"]';
// The worker's own script: it runs the page's wasm, handed over compiled, and downloads no
// wasm of its own.
const WORKER_FILES = ['worker.js'];
/** The wasm files among `requests`. */
const wasmRequests = (requests) => requests.filter((r) => r.endsWith('.wasm'));

/** The Monte Carlo numbers the CLI prints for `query`, as the line's `data-` attributes. */
function cliNumbers(query) {
  return {
    paths: printed(query, 'paths'),
    p10: printed(query, 'npv_advantage_p10'),
    p50: printed(query, 'npv_advantage_p50'),
    p90: printed(query, 'npv_advantage_p90'),
    prob: printed(query, 'prob_plan_better'),
  };
}

/** Waits for the Monte Carlo line to show current numbers; returns them. */
async function currentNumbers(page) {
  const line = page.locator(`${LINE}[data-state="current"]`);
  await line.waitFor({ timeout: 20000 });
  return line.evaluate((e) => {
    const { paths, p10, p50, p90, prob } = e.dataset;
    return { paths, p10, p50, p90, prob };
  });
}

/** Waits, checking at every change of the page (a MutationObserver: a short-lived state is not
 * missed between polls), until `check(arg)` returns a value; returns it. Fails after 20 s. */
function waitForChange(page, check, arg) {
  return page.evaluate(([source, arg]) => new Promise((resolve, reject) => {
    const check = eval(source);
    const observer = new MutationObserver(() => settle());
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`timed out: ${source}`)); }, 20000);
    const settle = () => {
      const value = check(arg);
      if (!value) return false;
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
      return true;
    };
    if (!settle()) observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  }), [check.toString(), arg]);
}

/** Waits for a run in flight that has reported progress strictly between 0 and `below` %;
 * returns that progress and the line's text then. */
function runInFlight(page, below = 100) {
  return waitForChange(page, ([sel, below]) => {
    const line = document.querySelector(sel);
    const p = Number(line?.dataset.progress);
    return line && line.dataset.state !== 'current' && p > 0 && p < below && { progress: p, text: line.textContent };
  }, [LINE, below]);
}

/** Starts recording, in the page, every state, progress and median the Monte Carlo line shows. */
async function recordLine(page) {
  await page.evaluate((sel) => {
    window.mcSeen = [];
    const note = () => {
      const line = document.querySelector(sel);
      const seen = line ? `${line.dataset.state}|${line.dataset.progress}|${line.dataset.p50}` : 'none';
      if (window.mcSeen.at(-1) !== seen) window.mcSeen.push(seen);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, LINE);
}

const seen = (page) => page.evaluate(() => window.mcSeen.map((s) => s.split('|')));

test('Monte Carlo in the browser draws the same paths as the CLI', async () => {
  const q = 'v=3&btcg=5&shutoff=0&phases=3&mc=500&vol=80&seed=42&tab=fan';
  const { page, context, problems } = await open(site.browser, `${site.url}?${q}`);
  const shown = await currentNumbers(page);
  assert.deepEqual(shown, cliNumbers(q));
  assert.equal(shown.paths, '500');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Waits for the odds card to show the numbers of the inputs shown; returns what it shows. */
async function currentOdds(page) {
  const card = page.locator(`${ODDS}[data-state="current"]`);
  await card.waitFor({ timeout: 20000 });
  return card.evaluate((e) => ({
    value: e.dataset.value,
    busy: e.getAttribute('aria-busy'),
    text: e.querySelector('.kpi-value').textContent,
    meaning: e.querySelector('.kpi-meaning').textContent,
    lead: e.querySelector('.choices-lead')?.textContent,
    best: [...e.querySelectorAll('li[data-choice]')].map((li) => [li.dataset.choice, li.dataset.value, li.textContent, li.classList.contains('best')]),
  }));
}

test("a default page shows the odds of the CLI's Monte Carlo, in both languages", async () => {
  const from = site.server.requests.length;
  // The CLI's `v=3`: 0.337 of 1,000 paths, best convert 0.318, mine 0.001, sell 0.681.
  const p = (field) => printed('v=3', field);
  assert.deepEqual(['paths', 'prob_plan_better', 'best_convert', 'best_mine', 'best_sell'].map(p), ['1000', '0.337', '0.318', '0.001', '0.681']);
  // Whole numbers of 100: 0.337 is 34 in 100, and one path of 1,000 (0.001) is 1 %, never 0.
  for (const { lang, text, meaning, lead, best, summary } of [
    { lang: 'en', text: '34\u00a0%', lead: 'Best:',
      meaning: 'In 34 of 100 simulated futures of the BTC price and the AI rate, converting beats keeping mining.',
      best: ['Convert 32\u00a0%', 'Keep mining 1\u00a0%', 'Sell now 68\u00a0%'],
      summary: 'Across the simulated futures, converting is about as likely as not (34\u00a0%) to beat keeping mining.' },
    { lang: 'it', text: '34\u00a0%', lead: 'Migliore:',
      meaning: 'Su 100 futuri simulati del prezzo BTC e della tariffa IA, convertire rende più che continuare a minare in 34.',
      best: ['Convertire 32\u00a0%', 'Continuare a minare 1\u00a0%', 'Vendere ora 68\u00a0%'],
      summary: 'Nei futuri simulati, è tanto probabile quanto improbabile (34\u00a0%) che convertire renda più che continuare a minare.' },
  ]) {
    const { page, context, problems } = await open(site.browser, `${site.url}?lang=${lang}`);
    const odds = await currentOdds(page);
    assert.equal(odds.value, p('prob_plan_better'));
    assert.equal(odds.value, JSON.stringify(JSON.parse(cliText('v=3', '--format', 'json')).monte_carlo.prob_plan_better));
    assert.equal(odds.busy, null, 'no longer busy');
    assert.deepEqual([odds.text, odds.meaning, odds.lead], [text, meaning, lead], lang);
    assert.ok((await page.textContent('[data-role="summary"]')).includes(summary), lang);
    assert.deepEqual(odds.best, [
      ['convert', p('best_convert'), best[0], false],
      ['mine', p('best_mine'), best[1], false],
      ['sell', p('best_sell'), best[2], true],
    ], lang);
    assert.deepEqual(await axeViolations(page), [], lang);
    assert.deepEqual(problems, [], lang);
    await context.close();
  }
  // The worker was loaded for it, as the page loaded.
  const loaded = site.server.requests.slice(from).filter((r) => WORKER_FILES.some((f) => r.endsWith(`/${f}`)));
  assert.ok(WORKER_FILES.every((f) => loaded.some((r) => r.endsWith(`/${f}`))), loaded.join(' '));
  // One wasm per page (two pages), the page's: the worker compiled nothing of its own.
  assert.equal(wasmRequests(site.server.requests.slice(from)).length, 2);
});

test('a slider step shows the odds updating, never the previous numbers, then the new ones', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?v=3`);
  const before = await currentOdds(page);
  assert.equal(before.value, printed('v=3', 'prob_plan_better'));
  // Every state, value, busy flag, choices' shares and height of the cards the card shows from
  // now on.
  await page.evaluate((sel) => {
    window.oddsSeen = [];
    const note = () => {
      const card = document.querySelector(sel);
      const shares = [...card.querySelectorAll('li[data-choice] .amount')].map((e) => e.textContent).join(' ');
      const height = Math.round(document.querySelector('.kpis').getBoundingClientRect().height);
      const odds = document.querySelector('[data-role="summary"]').textContent.match(/converting is (.*) to beat/)[1];
      const seen = `${card.dataset.state}|${card.dataset.value}|${card.getAttribute('aria-busy')}|${card.querySelector('.kpi-value').textContent}|${shares}|${height}|${odds}`;
      if (window.oddsSeen.at(-1) !== seen) window.oddsSeen.push(seen);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, ODDS);
  await page.locator('input[type="range"][data-for="power"]').focus();
  await page.keyboard.press('ArrowRight');
  // 45 $/MWh + a step of 0.5: its odds differ from the defaults' (0.336, not 0.337).
  const q = await waitForQuery(page, (s) => s === 'v=3&power=45.5');
  const want = printed(q, 'prob_plan_better');
  assert.notEqual(want, before.value);
  await page.waitForFunction((v) => window.oddsSeen.at(-1)?.startsWith(`current|${v}|`), want, { timeout: 20000 });
  const after = await currentOdds(page);
  assert.equal(after.value, want);
  assert.deepEqual(after.best.map(([choice, value]) => [choice, value]),
    ['convert', 'mine', 'sell'].map((c) => [c, printed(q, `best_${c}`)]));
  // First the previous inputs' numbers, then only "updating" (busy, a "…" for each number), then
  // the new inputs' numbers: the old ones never show once the inputs have moved, and the cards
  // keep their height throughout. The summary's odds say "…" while the card updates, and are
  // never the previous ones after the first change.
  const seen = (await page.evaluate(() => window.oddsSeen)).map((s) => s.split('|'));
  assert.deepEqual(seen[0].slice(0, 2), ['current', before.value]);
  const [oldOdds, newOdds] = [before.value, want].map((v) => `about as likely as not (${Math.round(Number(v) * 100)}\u00a0%)`);
  assert.equal(seen[0][6], oldOdds);
  const updating = seen.slice(1, -1);
  assert.ok(updating.length > 0, 'an updating state shows');
  for (const [state, value, busy, text, shares] of updating) {
    assert.deepEqual([state, value, busy, text, shares], ['running', '', 'true', '…', '… … …']);
  }
  assert.ok(seen.slice(1).every(([, , , , , , odds]) => odds === '… (…)' || odds === newOdds), seen.map((s) => s[6]).join(' | '));
  assert.ok(updating.some(([, , , , , , odds]) => odds === '… (…)'), 'the summary updates too');
  assert.equal(seen.at(-1)[6], newOdds);
  assert.deepEqual(seen.at(-1).slice(0, 3), ['current', want, 'null']);
  assert.equal(new Set(seen.map((s) => s[5])).size, 1, `the cards' height: ${seen.map((s) => s[5])}`);
  assert.deepEqual(problems, []);
  await context.close();
});

const DOTS_LINE = '#panel-odds [data-role="monte-carlo"]';

/** The odds chart's data table once it is built from the inputs shown: its rows' cells. */
async function dotRows(page) {
  const wrap = page.locator('.table-wrap:has(table[data-table="odds"])[aria-busy="false"]');
  await wrap.waitFor({ state: 'attached' });
  return wrap.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

test("the odds chart draws the CLI's run as 100 dots, in both languages and themes", async () => {
  // The CLI's `v=3`: prob_plan_better 0.337, best convert 0.318, mine 0.001, sell 0.681.
  const q = 'v=3';
  const prob = Number(printed(q, 'prob_plan_better'));
  const best = { convert: printed(q, 'best_convert'), mine: printed(q, 'best_mine'), sell: printed(q, 'best_sell') };
  for (const { lang, theme, percentile, names } of [
    { lang: 'en', theme: 'light', percentile: ['0.5', '99.5'], names: { convert: 'Convert', mine: 'Keep mining', sell: 'Sell now' } },
    { lang: 'en', theme: 'dark', percentile: ['0.5', '99.5'], names: { convert: 'Convert', mine: 'Keep mining', sell: 'Sell now' } },
    { lang: 'it', theme: 'light', percentile: ['0,5', '99,5'], names: { convert: 'Convertire', mine: 'Continuare a minare', sell: 'Vendere ora' } },
    { lang: 'it', theme: 'dark', percentile: ['0,5', '99,5'], names: { convert: 'Convertire', mine: 'Continuare a minare', sell: 'Vendere ora' } },
  ]) {
    const what = `${lang} ${theme}`;
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}&tab=odds&lang=${lang}&theme=${theme}`);
    await page.locator(`${DOTS_LINE}[data-state="current"]`).waitFor({ timeout: 20000 });
    // The odds card, the line under the chart and the summary: the CLI's numbers.
    const odds = await currentOdds(page);
    assert.equal(odds.value, printed(q, 'prob_plan_better'), what);
    assert.deepEqual(odds.best.map(([choice, value]) => [choice, value]), Object.entries(best), what);
    assert.equal(await page.getAttribute(DOTS_LINE, 'data-prob'), printed(q, 'prob_plan_better'), what);
    assert.ok((await page.textContent('[data-role="summary"]')).includes(`(${Math.round(prob * 100)}\u00a0%)`), what);
    // A row per dot, each a hundredth of the paths, from percentile 0.5 to 99.5; each choice has
    // about its share of the dots (a dot is every tenth path here), as many right of zero as
    // paths on which converting wins.
    const rows = await dotRows(page);
    assert.equal(rows.length, 100, what);
    assert.deepEqual([rows[0][0], rows[99][0]], percentile, what);
    for (const [choice, share] of Object.entries(best)) {
      const dots = rows.filter((r) => r[2] === names[choice]).length;
      assert.ok(Math.abs(dots - 100 * Number(share)) <= 2, `${what}: ${choice} ${dots} dots for ${share}`);
    }
    const right = rows.filter((r) => !/^[−-]/.test(r[1]) && /[1-9]/.test(r[1])).length;
    assert.ok(Math.abs(right - 100 * prob) <= 2, `${what}: ${right} dots right of zero for ${prob}`);
    const canvas = page.locator('canvas[data-chart="odds"]');
    assert.ok(Number(await canvas.getAttribute('data-draws')) > 0);
    await page.locator('#panel-odds').screenshot({ path: `${SHOTS}/odds-chart-${lang}-${theme}.png` });
    await page.locator(ODDS).screenshot({ path: `${SHOTS}/odds-card-${lang}-${theme}.png` });
    assert.deepEqual(await axeViolations(page), [], what);
    assert.deepEqual(problems, [], what);
    await context.close();
  }
});

test('a slider step shows the odds chart updating, never the previous dots, then the new ones', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?v=3&tab=odds`);
  await page.locator(`${DOTS_LINE}[data-state="current"]`).waitFor({ timeout: 20000 });
  assert.equal((await dotRows(page)).length, 100);
  // Every state of the chart's line, its data table's rows and whether that table is busy.
  await page.evaluate((sel) => {
    window.dotsSeen = [];
    const note = () => {
      const line = document.querySelector(sel);
      const table = document.querySelector('#panel-odds .table-wrap');
      const rows = table ? table.querySelectorAll('tbody tr').length : 'none';
      const seen = `${line.dataset.state}|${line.dataset.prob}|${rows}|${table?.getAttribute('aria-busy')}`;
      if (window.dotsSeen.at(-1) !== seen) window.dotsSeen.push(seen);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, DOTS_LINE);
  await page.locator('input[type="range"][data-for="power"]').focus();
  const pressed = await page.evaluate(() => performance.now());
  await page.keyboard.press('ArrowRight');
  const q = await waitForQuery(page, (s) => s === 'v=3&power=45.5&tab=odds');
  const want = printed('v=3&power=45.5', 'prob_plan_better');
  await page.locator(`${DOTS_LINE}[data-state="current"][data-prob="${want}"]`).waitFor({ timeout: 20000 });
  const settled = await page.evaluate(() => performance.now());
  assert.equal((await dotRows(page)).length, 100);
  // The previous dots, then "updating" with no table rows (never a stale table), then 100 rows
  // of the new run.
  const seen = (await page.evaluate(() => window.dotsSeen)).map((s) => s.split('|'));
  assert.deepEqual(seen[0].slice(0, 3), ['current', printed('v=3', 'prob_plan_better'), '100']);
  const updating = seen.slice(1).filter(([state]) => state !== 'current');
  assert.ok(updating.length > 0, 'an updating state shows');
  for (const [state, prob, rows] of updating) {
    assert.deepEqual([state, prob], ['running', 'undefined'], JSON.stringify(seen));
    assert.ok(rows === '0' || rows === 'none', JSON.stringify(seen));
  }
  assert.ok(seen.every(([state]) => state !== 'stale'));
  assert.ok(seen.slice(1).every(([state, prob]) => state !== 'current' || prob === want), JSON.stringify(seen));
  console.log(`# ${q}: the odds chart settled ${Math.round(settled - pressed)} ms after the key`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a pinned scenario's odds stand beside the new ones once its run has landed", async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?v=3`);
  const a = await currentOdds(page);
  await page.click('[data-action="pin"]');
  await waitForQuery(page, (s) => s === 'v=3&cmp=v%3D3');
  const card = page.locator(ODDS);
  await page.waitForFunction((sel) => document.querySelector(sel).dataset.compareValue !== undefined, ODDS);
  assert.equal(await card.getAttribute('data-compare-value'), a.value);
  await page.fill('[name="power"]', '45.5');
  await page.press('[name="power"]', 'Enter');
  const q = await waitForQuery(page, (s) => s.startsWith('v=3&power=45.5'));
  const want = printed('v=3&power=45.5', 'prob_plan_better');
  await page.locator(`${ODDS}[data-state="current"][data-value="${want}"]`).waitFor({ timeout: 20000 });
  assert.equal(q, 'v=3&power=45.5&cmp=v%3D3');
  assert.equal(await card.getAttribute('data-compare-value'), a.value);
  // 0.336 − 0.337: −0.1 points.
  assert.equal(await card.locator('.kpi-compare').textContent(), 'A: 34\u00a0% · −0.1\u00a0pts');
  assert.deepEqual(problems, []);
  await context.close();
});

test('with Monte Carlo off the worker only sweeps; asked for, its run shows its progress', async () => {
  const from = site.server.requests.length;
  const workerRequests = () => site.server.requests.slice(from).filter((p) => WORKER_FILES.some((f) => p.endsWith(`/${f}`)));
  const { page, context, problems } = await open(site.browser, `${site.url}?mc=0&tab=fan`);
  await page.locator('#panel-fan .mc-line').waitFor();
  assert.match(await page.textContent('#panel-fan .mc-line'), /Monte Carlo is off/);
  // The worker is there for the break-evens' sweep, and runs no Monte Carlo.
  await page.locator('[data-role="breakevens"][data-state="current"]').waitFor();
  assert.deepEqual(workerRequests().map((p) => p.split('/').pop()), WORKER_FILES);
  assert.equal(await page.locator('[data-kpi="prob_plan_better"]').count(), 0);
  await recordLine(page);
  await page.fill('[name="mc"]', '100000');
  await page.press('[name="mc"]', 'Enter');
  const q = await waitForQuery(page, (s) => s.includes('mc=100000'));
  const { progress, text } = await runInFlight(page);
  assert.equal(text.trim(), `Simulating price paths… ${progress}\u00a0%`);
  assert.deepEqual(await currentNumbers(page), cliNumbers(q));
  // Progress only went forward, and the run's numbers came last.
  const states = await seen(page);
  const percents = states.filter(([state]) => state === 'running').map(([, p]) => Number(p));
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), percents.join(' '));
  assert.equal(states.at(-1)[0], 'current');
  assert.deepEqual(workerRequests().map((p) => p.split('/').pop()).sort(), [...WORKER_FILES].sort());
  assert.equal(wasmRequests(site.server.requests.slice(from)).length, 1, 'the page\'s wasm only');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the chart redraws at every slider step while 100,000 paths run, and ends on the last scenario', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?mc=100000&tab=fan`);
  const canvas = page.locator('canvas[data-chart="fan"]');
  const slider = page.locator('input[type="range"][data-for="power"]');
  await slider.focus();
  for (let step = 1; step <= 5; step++) {
    // A run is under way (it has reported progress, and not finished)...
    await runInFlight(page);
    const draws = await canvas.evaluate((c) => Number(c.dataset.draws));
    // ...when the slider moves: the chart is redrawn for this step.
    await page.keyboard.press('ArrowRight');
    await waitForChange(page, (before) => Number(document.querySelector('canvas[data-chart="fan"]').dataset.draws) > before, draws);
    // The box follows in the task after the chart's frame: waited for, not read at once (that
    // read lost the race once in a fresh-clone CI run).
    await page.waitForFunction((v) => document.querySelector('[name="power"]').value === v, String(45 + step * 0.5));
  }
  // 45 $/MWh + 5 steps of 0.5.
  await waitForQuery(page, (s) => s.includes('power=47.5'));
  const q = await search(page);
  assert.deepEqual(await currentNumbers(page), cliNumbers(q));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a superseded run's result never shows", async () => {
  const first = 'v=3&power=45&mc=100000&tab=fan';
  const { page, context, problems } = await open(site.browser, `${site.url}?${first}`);
  await recordLine(page);
  // Less than half done, so that it is still running when the change comes, even on a busy
  // machine; the page notes what the line showed when the change came.
  await runInFlight(page, 50);
  await page.$eval('[name="power"]', (box) => box.addEventListener('input', () => { window.mcChangedAt ??= window.mcSeen.length; }));
  await page.fill('[name="power"]', '60');
  await page.press('[name="power"]', 'Enter');
  const q = await waitForQuery(page, (s) => s.includes('power=60'));
  const want = cliNumbers(q);
  assert.deepEqual(await currentNumbers(page), want);
  const old = cliNumbers(first);
  assert.notEqual(old.p50, want.p50);
  // The first run was running when the change came, and every median the line ever showed is
  // the last scenario's: the first run never finished on screen.
  const states = await seen(page);
  const changedAt = await page.evaluate(() => window.mcChangedAt);
  assert.equal(states[changedAt - 1][0], 'running', JSON.stringify(states.slice(0, changedAt)));
  const medians = states.map(([, , p50]) => p50).filter((p) => p !== 'undefined');
  assert.deepEqual([...new Set(medians)], [want.p50]);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Starts recording, in the page, every text the share notice (a live region) shows. */
async function recordNotice(page) {
  await page.evaluate(() => {
    window.noticeSeen = [];
    const note = () => {
      const el = document.querySelector('.share-note');
      const seen = el ? `${el.getAttribute('role')}|${el.getAttribute('aria-live')}|${el.textContent}` : 'none';
      if (window.noticeSeen.at(-1) !== seen) window.noticeSeen.push(seen);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Arms a click on `selector` from the page's own script, at the first moment the Monte Carlo
 * line shows a run in flight and less than half done: the click lands while that run goes on,
 * however fast the worker (a click of Playwright's, some milliseconds after it has seen the run,
 * may come after its end). `window.midRunClicked` resolves once clicked. */
async function clickMidRun(page, selector) {
  await page.evaluate(([line, selector]) => {
    window.midRunClicked = new Promise((resolve) => {
      const midRun = () => {
        const el = document.querySelector(line);
        const p = Number(el?.dataset.progress);
        if (!(el?.dataset.state === 'running' && p > 0 && p < 50)) return false;
        document.querySelector(selector).click();
        resolve();
        return true;
      };
      const watch = new MutationObserver(() => midRun() && watch.disconnect());
      watch.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }, [LINE, selector]);
}

/** The name and bytes of a download. */
async function saved(download) {
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Clicks download `action` in the Download menu, as a reader does; returns the file. */
async function download(page, action) {
  await page.click('.downloads > summary');
  const [file] = await Promise.all([saved(page.waitForEvent('download', { timeout: 60000 })), page.click(`[data-action="${action}"]`)]);
  return file;
}

/** Sets `mc` in its box, as a reader does, on a page without it; returns the page's query. */
async function setPaths(page, paths) {
  await page.fill('[name="mc"]', String(paths));
  await page.press('[name="mc"]', 'Enter');
  await page.waitForFunction((n) => new URLSearchParams(location.search).get('mc') === n, String(paths));
  return search(page);
}

/** `query` without its view keys: what the CLI is given. */
const modelQuery = (query) => query.replace(/&(tab|lang)=[^&]*/g, '');

const WAITING = 'Waiting for Monte Carlo to finish: the download starts when it is done.';

test("a download asked for while 100,000 paths run waits for the worker's run, and is the CLI's", async () => {
  // Monte Carlo off at first (it is on by default), so that the run is the one asked for here.
  const { page, context, problems } = await open(site.browser, `${site.url}?mc=0&tab=fan`);
  await recordLine(page);
  await recordNotice(page);
  await clickMidRun(page, '[data-action="export-json"]');
  const downloaded = saved(page.waitForEvent('download', { timeout: 60000 }));
  const q = modelQuery(await setPaths(page, 100000));
  assert.equal(q, 'v=3&mc=100000');
  await page.evaluate(() => window.midRunClicked);
  const json = await downloaded;
  // The file came with the run's result: the line is current, and the page had said (in its
  // live region, which screen readers announce) that the download waited, while the run's
  // progress went on.
  assert.equal(await page.getAttribute(LINE, 'data-state'), 'current');
  const notices = await page.evaluate(() => window.noticeSeen);
  assert.ok(notices.includes(`status|polite|${WAITING}`), JSON.stringify(notices));
  assert.equal(notices.at(-1), 'status|polite|', 'the notice goes once the file does');
  const states = await seen(page);
  const progress = states.filter(([state]) => state === 'running').map(([, p]) => Number(p));
  assert.ok(progress.some((p) => p >= 50), `progress shown after the click: ${progress}`);
  assert.equal(states.at(-1)[0], 'current');
  assert.equal(json.name, 'hashshift-report-mc100000.json');
  assert.equal(json.bytes.toString(), cliText(q, '--format', 'json'));
  assert.equal(JSON.parse(json.bytes).monte_carlo.paths, 100000);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an image of the fan asked for while its run goes on waits for it and pictures it', async () => {
  // Monte Carlo off at first (it is on by default), so that the run is the one asked for here.
  const { page, context, problems } = await open(site.browser, `${site.url}?mc=0&tab=fan`);
  await recordNotice(page);
  await clickMidRun(page, '[data-action="export-svg"]');
  const downloaded = saved(page.waitForEvent('download', { timeout: 60000 }));
  await setPaths(page, 100000);
  await page.evaluate(() => window.midRunClicked);
  const early = await downloaded;
  assert.equal(await page.getAttribute(LINE, 'data-state'), 'current');
  assert.ok((await page.evaluate(() => window.noticeSeen)).includes(`status|polite|${WAITING}`));
  const text = early.bytes.toString();
  assert.ok(!text.includes('Simulating price paths'), 'the run, not its placeholder');
  assert.match(text, /^\s*Monte Carlo\s*$/m, 'the title');
  // The same picture as once the run is on screen.
  const late = await download(page, 'export-svg');
  assert.equal(late.name, early.name);
  assert.equal(late.bytes.toString(), text);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a JSON report asked for from a chart without Monte Carlo waits for the worker's run", async () => {
  // Monte Carlo off at first, so that the click lands while the run of 100,000 paths goes on:
  // the run the page makes for its odds card, on any chart.
  const { page, context, problems } = await open(site.browser, `${site.url}?v=3&mw=18&mc=0&tab=cash`);
  await recordNotice(page);
  await clickMidRun(page, '[data-action="export-json"]');
  const downloaded = saved(page.waitForEvent('download', { timeout: 60000 }));
  const q = modelQuery(await setPaths(page, 100000));
  assert.equal(q, 'v=3&mw=18&mc=100000');
  await page.evaluate(() => window.midRunClicked);
  const json = await downloaded;
  assert.equal(json.bytes.toString(), cliText(q, '--format', 'json'));
  const notices = await page.evaluate(() => window.noticeSeen);
  assert.ok(notices.includes(`status|polite|${WAITING}`), JSON.stringify(notices));
  assert.equal(notices.at(-1), 'status|polite|');
  // The tables hold no Monte Carlo: they never wait.
  const csv = await download(page, 'export-csv');
  assert.equal(csv.bytes.toString(), cliText(q, '--format', 'csv'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a worker that cannot load says so within its time, and a download then makes its own run', async () => {
  const abort = (route) => route.abort();
  /** A handler that lets the first request through (the page's) and breaks the rest. */
  const afterFirst = (broken) => {
    let seen = 0;
    return (route) => (seen++ === 0 ? route.continue() : broken(route));
  };
  const FAILED_EN = 'Monte Carlo could not run: its web worker did not load. Reload the page to try again.';
  const ON_PAGE_EN = "Monte Carlo's worker did not load, so this page ran the download's Monte Carlo itself.";
  for (const { file, broken, errors, lang, text, onPage } of [
    // Its script fails to load (an `error` event on the worker).
    { file: 'worker.js', broken: abort, errors: [], lang: 'en', text: FAILED_EN, onPage: ON_PAGE_EN },
    // The page's glue, which the worker imports to run the page's wasm, fails to load for it (an
    // error in the worker, reported to the page): the page's own request goes through.
    { file: 'hashshift-*.js', broken: afterFirst(abort), errors: [/^page error: Failed to fetch dynamically imported module: \S+\/hashshift-[0-9a-f]+\.js$/], lang: 'it',
      text: 'Monte Carlo non è partito: il suo web worker non si è caricato. Ricarica la pagina per riprovare.',
      onPage: "Il worker di Monte Carlo non si è caricato, quindi il Monte Carlo del download l'ha calcolato questa pagina." },
    // It never says a word (no first message within the page's 5 s).
    { file: 'worker.js', broken: (route) => route.fulfill({ contentType: 'text/javascript', body: '// silent' }),
      errors: [], lang: 'en', text: FAILED_EN, onPage: ON_PAGE_EN },
  ]) {
    // The worker, spawned at once for the break-evens' sweep, is broken from the start; Monte
    // Carlo is off until asked for.
    const { page, context, problems } = await open(site.browser, `${site.url}?mc=0&tab=fan&lang=${lang}`,
      { routes: { [`**/${file}`]: broken } });
    // The break-evens say so.
    await page.locator('[data-role="breakevens"][data-state="failed"]').waitFor({ timeout: 15000 });
    const q = modelQuery(await setPaths(page, 500));
    assert.equal(q, 'v=3&mc=500');
    // Within the page's 5 s for a worker to load, with room for a busy machine.
    const failed = page.locator(`${LINE}[data-state="failed"]`);
    await failed.waitFor({ timeout: 15000 });
    assert.equal(await failed.textContent(), text, file);
    // The odds card says so too, without a number.
    const card = page.locator(`${ODDS}[data-state="failed"]`);
    assert.deepEqual(await card.evaluate((e) => [e.dataset.value, e.querySelector('.kpi-value').textContent, e.querySelector('.kpi-meaning').textContent]),
      ['', '—', text], file);
    const json = await download(page, 'export-json');
    assert.equal(json.bytes.toString(), cliText(q, '--format', 'json'));
    await page.locator('.share-note', { hasText: onPage }).waitFor();
    // The only problem: the worker's own error, reported to the page, when its wasm failed.
    assert.equal(problems.length, errors.length, `${file}: ${problems}`);
    problems.forEach((problem, i) => assert.match(problem, errors[i], file));
    await context.close();
  }
});
