// Debian's Chromium, headless, driven by playwright-core (which never downloads a browser).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Opens a page that records console errors, page errors and requests outside `origin`; the
 * system's colour scheme, motion preference and forced colours can be set (`colorScheme`,
 * `reducedMotion`, `forcedColors: 'active'` as Windows' high contrast), and a phone's touch
 * screen (`touch`: a coarse pointer, touch events); `routes` maps URL patterns to handlers set
 * before the page loads (a file broken from the start). */
export async function open(browser, url, { width = 1280, height = 900, scale = 1, colorScheme = 'light', reducedMotion = 'no-preference', forcedColors = 'none', touch = false, routes = {} } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, colorScheme, reducedMotion, forcedColors, hasTouch: touch, isMobile: touch });
  for (const [pattern, handler] of Object.entries(routes)) await context.route(pattern, handler);
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`foreign request: ${u}`);
  });
  await page.goto(url);
  await page.waitForSelector('canvas[data-chart][data-draws]');
  return { page, context, problems };
}
