// Stories (`story=ID&step=N`): each step shows its scenario with its text's numbers equal to the
// CLI's for the step's query; Previous, Next, the arrow keys, a swipe, Back and Forward walk the
// steps; "Take the wheel" leaves the story and keeps the scenario; an embedded story sizes itself
// in an article; axe-core finds nothing; the text is never cut on a 320 px phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { open } from './browser.mjs';
import { site, ROOT, SHOTS, cli, search, waitForQuery, axeViolations } from './common.mjs';

/** A story's steps as its Markdown file lists them: heading and scenario query. */
function steps(id, lang = 'en') {
  const md = readFileSync(`${ROOT}stories/${id}.${lang}.md`, 'utf8');
  return [...md.matchAll(/^## (.*)\n<!-- scenario: (.*) -->/gm)].map((m) => ({ heading: m[1], query: m[2] }));
}

/** The CLI's value of a field a story names: its summary's (`plan.npv` its plan's) or its
 * Monte Carlo's. */
function cliValue(report, field) {
  const inSummary = field.split('.').reduce((v, k) => v?.[k], report.summary);
  return inSummary !== undefined ? inSummary : report.monte_carlo[field];
}

/** Waits for step `n` with every number in (the Monte Carlo run landed), and returns its
 * numbers by field. */
async function shownStep(page, n) {
  await page.waitForSelector(`[data-role="story"][data-step="${n}"] .story-step[aria-busy="false"]`);
  return page.$$eval('[data-role="story"] b[data-field]', (bs) => bs.map((b) => [b.dataset.field, b.dataset.value, b.textContent]));
}

/** Asserts that the step's numbers are the CLI's for `query`. */
function sameAsCli(numbers, query, at) {
  const report = cli(query);
  assert.ok(numbers.length > 0, at);
  for (const [field, value, text] of numbers) {
    const expected = cliValue(report, field);
    assert.ok(value !== '' && text !== '…', `${at}: ${field} is shown`);
    if (typeof expected === 'number') assert.equal(Number(value), expected, `${at}: ${field}`);
    else assert.equal(value, expected, `${at}: ${field}`);
  }
}

for (const id of ['mining-or-ai', 'contracts']) {
  test(`${id}: every step opened by its URL shows its scenario and the CLI's numbers`, async () => {
    const { page, context, problems } = await open(site.browser, `${site.url}?story=${id}&step=1`);
    const list = steps(id);
    for (const [i, step] of list.entries()) {
      const n = i + 1;
      if (n > 1) await page.goto(`${site.url}?story=${id}&step=${n}`);
      sameAsCli(await shownStep(page, n), step.query, `${id} ${n}`);
      assert.equal(await page.textContent('[data-role="story"] h3'), step.heading);
      assert.equal(await page.getAttribute('[data-role="story"]', 'data-steps'), String(list.length));
      // The address is the step's scenario, its chart and the story.
      const canonical = cli(step.query).query;
      const tab = step.query.match(/tab=(\w+)/)?.[1];
      assert.equal(await search(page), `${canonical}${tab ? `&tab=${tab}` : ''}&story=${id}&step=${n}`);
      assert.equal(await page.getAttribute('[role="tab"][aria-selected="true"]', 'data-tab'), tab ?? 'revenue');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('Italian: the same steps, their numbers written the Italian way', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?story=contracts&step=1&lang=it`);
  for (const [i, step] of steps('contracts', 'it').entries()) {
    if (i > 0) await page.click('[data-action="story-next"]');
    const numbers = await shownStep(page, i + 1);
    sameAsCli(numbers, step.query, `it ${i + 1}`);
    assert.equal(await page.textContent('[data-role="story"] h3'), step.heading);
    assert.equal(await page.textContent('.story-progress'), `Passo ${i + 1} di 6`);
    // Money in Italian: `493 mln $`.
    const money = numbers.find(([f]) => f === 'npv_advantage');
    if (money) assert.match(money[2], /^−?[\d,]+\u00a0(mln|mld)\u00a0\$$/);
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'it');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Previous, Next, the arrow keys, a swipe, Back and Forward walk the steps; the wheel keeps the scenario', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?story=mining-or-ai&step=1`);
  const at = () => page.getAttribute('[data-role="story"]', 'data-step');
  await shownStep(page, 1);
  // Nothing before the first step.
  assert.equal(await page.getAttribute('[data-action="story-prev"]', 'aria-disabled'), 'true');
  await page.click('[data-action="story-prev"]', { force: true });
  assert.equal(await at(), '1');
  await page.click('[data-action="story-next"]');
  await waitForQuery(page, (q) => q.endsWith('story=mining-or-ai&step=2'));
  // The keyboard: → and ← from the page, not from a form control.
  await page.locator('[data-action="story-next"]').blur();
  await page.keyboard.press('ArrowRight');
  await waitForQuery(page, (q) => q.endsWith('&step=3'));
  assert.equal(await page.getAttribute('[role="tab"][aria-selected="true"]', 'data-tab'), 'cash');
  await page.keyboard.press('ArrowLeft');
  await waitForQuery(page, (q) => q.endsWith('&step=2'));
  await page.focus('input[name="power"]');
  await page.keyboard.press('ArrowRight');
  await page.locator('input[name="power"]').blur();
  assert.equal(await at(), '2');
  // A swipe to the left turns to the next step (a finger, not a mouse drag).
  const box = await page.locator('[data-role="story"]').boundingBox();
  const swipe = (from, to, pointerType) => page.$eval('[data-role="story"]', (el, [from, to, pointerType, y]) => {
    el.dispatchEvent(new PointerEvent('pointerdown', { clientX: from, clientY: y, pointerType, bubbles: true }));
    el.dispatchEvent(new PointerEvent('pointerup', { clientX: to, clientY: y + 5, pointerType, bubbles: true }));
  }, [from, to, pointerType, box.y + 20]);
  await swipe(box.x + 300, box.x + 200, 'mouse');
  assert.equal(await at(), '2');
  await swipe(box.x + 300, box.x + 200, 'touch');
  await waitForQuery(page, (q) => q.endsWith('&step=3'));
  await swipe(box.x + 200, box.x + 300, 'touch');
  await waitForQuery(page, (q) => q.endsWith('&step=2'));
  // History: 1, 2, 3, 2, 3, 2 — Back and Forward walk it, each entry its step.
  await page.goBack();
  await waitForQuery(page, (q) => q.endsWith('&step=3'));
  assert.equal(await page.textContent('[data-role="story"] h3'), 'Bitfarms: GPUs at market prices');
  await page.goBack();
  await page.goBack();
  await waitForQuery(page, (q) => q.endsWith('&step=3'));
  await page.goBack();
  await waitForQuery(page, (q) => q.endsWith('&step=2'));
  await page.goForward();
  await waitForQuery(page, (q) => q.endsWith('&step=3'));
  assert.equal(await at(), '3');
  // Take the wheel: the story goes, the scenario, its chart and every control stay.
  const inStory = await search(page);
  await page.click('[data-action="story-exit"]');
  const left = await waitForQuery(page, (q) => !q.includes('story='));
  assert.equal(`${left}&story=mining-or-ai&step=3`, inStory);
  assert.equal(await page.$('[data-role="story"]'), null);
  assert.equal(await page.inputValue('[data-panel="controls"] input[name="mw"]'), '18');
  // Back returns to the story.
  await page.goBack();
  await page.waitForSelector('[data-role="story"][data-step="3"]');
  // Moving an input is taking the wheel too.
  await page.fill('input[name="gpu"]', '3');
  await page.press('input[name="gpu"]', 'Enter');
  await waitForQuery(page, (q) => q.includes('gpu=3') && !q.includes('story='));
  assert.equal(await page.$('[data-role="story"]'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the last step has no next; an unknown story or a step out of range says so', async () => {
  const { page, context, problems } = await open(site.browser, `${site.url}?story=contracts&step=99`);
  await shownStep(page, 6);
  assert.match(await page.textContent('[data-role="warnings"]'), /step.*“99” is not a step of this story \(1–6\); showing step 6\./);
  assert.equal(await page.getAttribute('[data-action="story-next"]', 'aria-disabled'), 'true');
  await page.click('[data-action="story-next"]', { force: true });
  assert.equal(await page.getAttribute('[data-role="story"]', 'data-step'), '6');
  await page.goto(`${site.url}?story=nope&step=2&mw=18`);
  await page.waitForSelector('[data-role="warnings"] li');
  assert.match(await page.textContent('[data-role="warnings"]'), /story.*no story is called “nope”; showing the explorer\./);
  assert.equal(await page.$('[data-role="story"]'), null);
  assert.equal(await search(page), 'v=3&mw=18');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a story is announced as it turns, read whole at 320 px, and axe-core finds nothing', async () => {
  for (const [name, q, options] of [
    ['desktop', 'story=mining-or-ai&step=6', {}],
    ['phone-320', 'story=contracts&step=5&lang=it', { width: 320, height: 700, scale: 2, touch: true }],
    ['dark', 'story=mining-or-ai&step=4&theme=dark', { width: 390, height: 844, scale: 2, touch: true }],
  ]) {
    const { page, context, problems } = await open(site.browser, `${site.url}?${q}`, options);
    const n = Number(q.match(/step=(\d)/)[1]);
    await shownStep(page, n);
    // A polite live region holds the step: a screen reader reads each one as it comes.
    const live = await page.$eval('.story-step', (d) => [d.getAttribute('aria-live'), d.getAttribute('aria-atomic'), d.querySelector('h3') !== null]);
    assert.deepEqual(live, ['polite', 'true', true], name);
    // Nothing is cut: no line of the panel runs past its box or the screen.
    const cut = await page.$$eval('[data-role="story"], [data-role="story"] p, [data-role="story"] b, [data-role="story"] button', (els) => els
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 0.5)
      .map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(cut, [], name);
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), `${name}: no sideways scroll`);
    await page.locator('[data-role="story"]').screenshot({ path: `${SHOTS}/story-${name}.png` });
    assert.deepEqual(await axeViolations(page), [], name);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});

/** An article with a story embedded and embed.js, as a newsroom's CMS would make it. */
function article(url, width) {
  return `<!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>Why contracts matter</title></head>
    <body style="font: 17px Georgia, serif; margin: 0 auto; padding: 16px; max-width: ${width}px; box-sizing: border-box">
    <h1>Mining or AI: why contracts matter</h1>
    <p>Step through the argument below.</p>
    <iframe id="story" data-hashshift src="${url}?embed=1&story=contracts&step=2" title="HashShift" loading="lazy" style="width:100%;height:480px;border:0"></iframe>
    <p>The end.</p>
    <script src="${url}embed.js" async></script></body></html>`;
}

for (const width of [600, 360]) {
  test(`an embedded story sizes itself in an article column of ${width} px and walks in place`, async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    site.server.pages.set('/tools/hashshift/story.html', article(site.url, width));
    await page.goto(`${site.url}story.html`);
    const sized = async () => {
      await page.waitForSelector('#story[data-hashshift-sized]');
      await page.waitForFunction(() => {
        const f = document.getElementById('story');
        return Math.abs(f.clientHeight - f.contentDocument.scrollingElement.scrollHeight) <= 1;
      });
    };
    const frame = await (await page.$('#story')).contentFrame();
    await frame.waitForSelector('.app.sized canvas[data-chart][data-draws]');
    const numbers = await shownStep(frame, 2);
    sameAsCli(numbers, steps('contracts')[1].query, `embed ${width}`);
    await sized();
    const fit = () => frame.evaluate(() => [...document.querySelectorAll('[data-role="story"], [data-role="story"] p, [data-role="story"] button')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 0.5)
      .map((e) => e.textContent));
    assert.deepEqual(await fit(), [], 'nothing cut');
    await page.screenshot({ path: `${SHOTS}/story-article-${width}.png`, fullPage: true });
    // Next turns the step inside the frame, which follows its height; the article's history
    // stays the article's.
    const length = await page.evaluate(() => history.length);
    await frame.click('[data-action="story-next"]');
    await shownStep(frame, 3);
    await frame.waitForFunction(() => location.search.endsWith('&embed=1&story=contracts&step=3'));
    await sized();
    assert.deepEqual(await fit(), [], 'nothing cut at step 3');
    assert.equal(await page.evaluate(() => history.length), length);
    // "Open the full explorer" opens the story at the same step.
    assert.match(await frame.getAttribute('[data-action="open-full"]', 'href'), /cterm=120&tab=fan&story=contracts&step=3$/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
