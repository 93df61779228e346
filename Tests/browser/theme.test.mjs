// The default theme in a real browser: fits a phone, follows the system's dark mode, shows
// where the keyboard focus is, offers a skip link and landmarks, and opening the search moves
// nothing on the page. (axe-core and the Nu checker run in `make check-html`.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, missingChromium } from './lib/chromium.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { buildFixture, missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
const pages = ['', 'replies/', 'replies/delay/', 'principles/speed/', 'cases/outage/', 'playbook/', 'search/?q=заказ'];
let browser;
let server;
before(async () => {
  if (skip) return;
  browser = await launch();
  server = await serveDirectory(buildFixture('publishing'));
});
after(async () => {
  if (server) await server.close();
  if (browser) await browser.close();
});

async function pageAt(width, height = 740) {
  const page = await browser.newPage();
  await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
  return page;
}

test('every kind of page fits a 320 px phone without sideways scrolling', { skip }, async () => {
  const page = await pageAt(320);
  for (const p of pages) {
    await page.goto(server.url + p);
    const wide = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > limit + 1; })
        .filter((e) => !e.closest('.visually-hidden, [hidden], pre'))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`).slice(0, 5);
    });
    assert.deepEqual(wide, [], `/${p} overflows`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `/${p} scrolls sideways`);
  }
});

test('dark mode follows the system and keeps text readable', { skip }, async () => {
  const page = await pageAt(1280, 800);
  const colours = async () => page.evaluate(() => {
    const rgb = (s) => s.match(/\d+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
    const fg = lum(rgb(getComputedStyle(document.body).color));
    return { bg, ratio: (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05) };
  });
  await page.colorScheme('light');
  await page.goto(server.url + 'replies/delay/');
  const light = await colours();
  await page.colorScheme('dark');
  const dark = await colours();
  assert.ok(light.bg > 0.8 && dark.bg < 0.05, `backgrounds ${light.bg} / ${dark.bg}`);
  assert.ok(light.ratio >= 7 && dark.ratio >= 7, `body text contrast ${light.ratio} / ${dark.ratio}`);
});

test('the first Tab reaches a visible skip link that moves focus to the main content; focus is always outlined', { skip }, async () => {
  const page = await pageAt(1280, 800);
  await page.goto(server.url + 'replies/delay/');
  const landmarks = await page.evaluate(() => ({
    main: document.querySelectorAll('main').length,
    banner: document.querySelectorAll('body > header').length,
    contentinfo: document.querySelectorAll('body > footer').length,
    navigation: document.querySelectorAll('nav[aria-label]').length > 0,
    search: document.querySelectorAll('[role=search]').length,
  }));
  assert.deepEqual(landmarks, { main: 1, banner: 1, contentinfo: 1, navigation: true, search: 1 });

  await page.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { cls: a.className, visible: r.top >= 0 && r.bottom <= innerHeight && r.width > 0, outline: getComputedStyle(a).outlineStyle };
  });
  assert.equal(skip.cls, 'skip-link');
  assert.ok(skip.visible, 'the skip link shows when focused');
  assert.notEqual(skip.outline, 'none');
  await page.press('Enter');
  await page.waitFor(() => document.activeElement && document.activeElement.id === 'main');

  // Each of the next stops shows an outline (the :focus-visible ring) or its own focus style.
  // Every stop from there to the end of the page shows the :focus-visible ring.
  const unmarked = [];
  let stops = 0;
  for (; stops < 60; stops++) {
    await page.press('Tab');
    const stop = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;  // past the last stop: focus left the page
      const s = getComputedStyle(a);
      return { what: `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}.${a.className}`, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (!stop) break;
    if (!stop.ring) unmarked.push(stop.what);
  }
  assert.ok(stops >= 8, `only ${stops} focus stops after the skip link`);
  assert.deepEqual(unmarked, []);
});

test('opening the header search shifts nothing on the page', { skip }, async () => {
  for (const width of [1280, 375]) {
    const page = await pageAt(width, 800);
    await page.goto(server.url + 'replies/delay/');
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({ type: 'layout-shift', buffered: false });
    });
    const before = await page.evaluate(() => document.querySelector('main h1').getBoundingClientRect().top);
    await page.focus('#search-input');
    await page.type('задержка');
    await page.waitFor('#search-listbox:not([hidden]) [role=option]', { timeout: 10000 });
    await new Promise((r) => setTimeout(r, 200));
    const after = await page.evaluate(() => ({ top: document.querySelector('main h1').getBoundingClientRect().top, shift: window.__shift }));
    assert.equal(after.top, before, `width ${width}: the heading moved`);
    assert.equal(after.shift, 0, `width ${width}: cumulative layout shift`);
  }
});
