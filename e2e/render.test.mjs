// `hashshift render`: the command line draws the same SVG as the page's `export-svg`, byte for
// byte, for three charts (one plain, one with its legend's two colours of bar, the Monte Carlo
// fan the worker runs) in both languages and both themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { open } from './browser.mjs';
import { site, CLI, SHOTS } from './common.mjs';

/** The scenario drawn: a pinned one too, so that the image has its line and legend entry. */
const QUERY = 'mw=18&power=40&gpu=3&cmp=v%3D3%26mw%3D50';

/** The page's `export-svg` of `url`, downloaded from the Download menu as a reader does. */
async function pageSvg(url, colorScheme) {
  const { page, context, problems } = await open(site.browser, url, { width: 1280, height: 900, colorScheme });
  await page.click('.downloads > summary');
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('[data-action="export-svg"]')]);
  const svg = readFileSync(await file.path()).toString();
  assert.deepEqual(problems, []);
  await context.close();
  return svg;
}

for (const chart of ['cash', 'sensitivity', 'fan']) {
  for (const lang of ['en', 'it']) {
    for (const theme of ['light', 'dark']) {
      test(`render ${chart} --lang ${lang} --theme ${theme} is the page's SVG export`, async () => {
        const svg = await pageSvg(`${site.url}?${QUERY}&tab=${chart}&lang=${lang}&theme=${theme}`, theme);
        // The page exports 1000 px wide, which `render` draws by default; said here anyway.
        assert.match(svg, /^<svg width="1000" height="600" /);
        const cli = execFileSync(CLI, ['render', QUERY, '--chart', chart, '--lang', lang, '--theme', theme,
          '--width', '1000', '--url', site.url]).toString();
        assert.ok(cli === svg, `${chart} ${lang} ${theme}: the CLI's SVG differs from the page's`);
        assert.ok(svg.includes(`${site.url}?v=3&amp;mw=18&amp;power=40&amp;gpu=3`), 'the link');
      });
    }
  }
}

test("a page under the system's dark theme exports what render draws with no theme", async () => {
  const svg = await pageSvg(`${site.url}?${QUERY}&tab=cash`, 'dark');
  // The query, as a whole explorer URL, names the address the image links to.
  const cli = execFileSync(CLI, ['render', `${site.url}?${QUERY}&tab=cash`]).toString();
  assert.ok(cli === svg, "the CLI's SVG differs from the page's");
  // Look at it, as a reader of the article would see the static fallback.
  const { page, context } = await open(site.browser, `${site.url}?tab=cash`, { width: 1000, height: 600 });
  await page.setContent(`<body style="margin:0"><img src="data:image/svg+xml;base64,${Buffer.from(cli).toString('base64')}"></body>`);
  await page.screenshot({ path: `${SHOTS}/render-cash.png` });
  await context.close();
});
