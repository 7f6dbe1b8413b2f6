// The math behind every card: each KPI card opens how it is computed (`[data-explain=ID]`), with
// the card's own numbers, and the CLI command that prints them (`data-action=copy-cli`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { open } from './browser.mjs';
import { site, SHOTS, cli, printed, kpiValues, axeViolations } from './common.mjs';

/** The open explanation's parts, and the card it explains. */
async function explanation(page, id) {
  const panel = page.locator(`[data-explain="${id}"]`);
  await panel.waitFor();
  return {
    value: await panel.locator('.explain-value').getAttribute('data-value'),
    text: await panel.locator('.explain-value').textContent(),
    numbers: await panel.locator('.explain-numbers').textContent(),
    command: await panel.locator('.explain-cli code').textContent(),
    cardValue: await page.getAttribute(`[data-kpi="${id}"]`, 'data-value'),
    cardText: await page.textContent(`[data-kpi="${id}"] .kpi-value .amount`),
  };
}

/** Opens card `id`'s explanation by its button. */
const openExplanation = (page, id) => page.click(`#explain-${id}`);

/** The id of the focused element. */
const focused = (page) => page.evaluate(() => document.activeElement?.id);

for (const [name, q, options] of [
  ['English, light, with debt', 'gpu=3&ltc=60', {}],
  ['Italian, dark', 'power=40&lang=it&theme=dark', {}],
  ['phone', 'lang=it', { width: 390, height: 844, scale: 2, touch: true }],
]) {
  test(`every card opens its formula with the numbers it shows (${name}); Escape closes it`, async () => {
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, options);
    // The odds card's numbers are the worker's: wait for its run.
    await page.waitForSelector('[data-kpi="prob_plan_better"][data-state="current"]');
    const ids = Object.keys(await kpiValues(page));
    assert.ok(ids.length >= 13, ids.join());
    const canonical = cli(q).query;
    for (const id of ids) {
      await openExplanation(page, id);
      assert.equal(await page.getAttribute(`#explain-${id}`, 'aria-expanded'), 'true', id);
      // The panel takes the focus, named by its heading.
      await page.waitForFunction(() => document.activeElement?.id === 'explain');
      const e = await explanation(page, id);
      // It ends with the card's number, as the card shows it and as the CLI prints it.
      assert.equal(e.value, e.cardValue, id);
      assert.equal(e.text, e.cardText, id);
      assert.equal(e.value, printed(canonical, id), id);
      assert.equal(e.command, `hashshift run '${canonical}' --format json`, id);
      assert.ok(e.numbers.endsWith(e.text), `${id}: ${e.numbers}`);
      await page.keyboard.press('Escape');
      await page.locator('[data-explain]').waitFor({ state: 'detached' });
      assert.equal(await focused(page), `explain-${id}`, id);
      assert.equal(await page.getAttribute(`#explain-${id}`, 'aria-expanded'), 'false', id);
    }
    // The NPV advantage is the plan's NPV less keep-mining's, as the best choice's card says them.
    await openExplanation(page, 'npv_advantage');
    const npv = await explanation(page, 'npv_advantage');
    const choice = (c) => page.textContent(`[data-kpi="best_choice"] [data-choice="${c}"] .amount`);
    assert.equal(npv.numbers, `${await choice('convert')} − ${await choice('mine')} = ${npv.text}`);
    await page.evaluate(() => document.querySelector('[data-explain]').scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/explain-${name.split(',')[0].toLowerCase()}.png` });
    assert.deepEqual(await axeViolations(page), [], name);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the keyboard opens and closes an explanation; its close button gives the focus back', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?tab=cash`);
  await page.focus('#explain-peak_funding_usd');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'explain');
  assert.equal(await page.getAttribute('#explain', 'aria-labelledby'), 'explain-title');
  assert.equal(await page.textContent('#explain-title'), 'Peak funding');
  // Tab reaches the close button, then the copy button.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Close');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'copy-cli');
  // Escape from inside the panel closes it.
  await page.keyboard.press('Escape');
  await page.locator('[data-explain]').waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'explain-peak_funding_usd');
  // The button toggles; another card's takes the panel over; × closes it.
  await page.keyboard.press('Enter');
  await page.locator('[data-explain="peak_funding_usd"]').waitFor();
  await openExplanation(page, 'npv_sell');
  await page.locator('[data-explain="npv_sell"]').waitFor();
  assert.equal(await page.locator('[data-explain]').count(), 1);
  await page.click('[data-explain] .dismiss');
  await page.locator('[data-explain]').waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'explain-npv_sell');
  // An embed's short row has no room for them.
  await page.goto(`${site.url}?embed=1`);
  await page.waitForSelector('[data-kpi]');
  assert.equal(await page.locator('.explain-open').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("copy-cli's command, run, prints every card's number", async () => {
  const q = 'power=40&gpu=3&ltc=50&tenor=8';
  const { page, context, problems } = await open(site.browser, `${site.url}?${q}&lang=it&tab=cash&theme=dark`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.waitForSelector('[data-kpi="prob_plan_better"][data-state="current"]');
  await openExplanation(page, 'npv_advantage');
  await page.click('[data-explain] [data-action="copy-cli"]');
  await page.locator('.share-note', { hasText: 'Comando copiato' }).waitFor();
  const command = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(command, await page.textContent('[data-explain] .explain-cli code'));
  const [, query] = command.match(/^hashshift run '([^']*)' --format json$/);
  assert.equal(query, 'v=3&power=40&gpu=3&ltc=50&tenor=8');
  const page_ = await kpiValues(page);
  assert.ok(Object.keys(page_).length >= 16, Object.keys(page_).join());
  for (const [id, value] of Object.entries(page_)) assert.equal(value, printed(query, id), id);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a chart image carries the command in its source line', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?gpu=3&tab=cash`);
  await page.click('.downloads > summary');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-svg"]')]);
  const svg = readFileSync(await file.path()).toString();
  assert.ok(svg.includes(`Source: HashShift, ${site.url} · hashshift run &apos;v=3&amp;gpu=3&apos; --format json`));
  assert.deepEqual(problems, []);
  await context.close();
});
