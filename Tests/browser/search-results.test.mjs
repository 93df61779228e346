// Search results as a reader meets them on a phone and a laptop, over http and from file://:
// an everyday phrasing lands on the reply template itself (no section anchor), its sections as
// secondary lines; titles keep whole words with the labels wrapping under them; Tab walks from the
// box through the results to the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { missingChromium } from './lib/chromium.mjs';
import { servedBundledSite } from './lib/bundled-site.mjs';
import { buildBundledSite, missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
const site = servedBundledSite(skip);

const url = (mode, page) => (mode === 'http' ? site.server.url + page
  : pathToFileURL(path.join(buildBundledSite({ offline: true }), page, 'index.html')).href);

async function pageAt(width, height) {
  const page = await site.browser.newPage();
  await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
  return page;
}

async function headerSearch(page, text) {
  await page.press('/');
  await page.type(text);
  await page.waitFor('#search-listbox:not([hidden]) [role=option]');
  await page.waitFor(new Function(`return document.querySelector('#search-listbox .search-hit-title') &&
    document.querySelector('#search-input').value === ${JSON.stringify(text)}`));
  await new Promise((r) => setTimeout(r, 250)); // the debounced answer to the whole query
}

/** Layout facts of the visible results: words split across lines, title widths, sideways scroll. */
const layout = () => {
  const broken = [], widths = [];
  for (const title of document.querySelectorAll('.search-hit-title')) {
    const r = title.getBoundingClientRect();
    if (!r.width) continue;
    widths.push(Math.round(r.width));
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.textContent.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return { broken, widths, scroll: document.documentElement.scrollWidth - window.innerWidth };
};

for (const mode of ['http', 'file']) {
  for (const [width, height] of [[375, 667], [1366, 768]]) {
    test(`${mode} ${width}px: «курьер опоздал» lands on the template itself, sections under it`, { skip }, async () => {
      const page = await pageAt(width, height);
      await page.goto(url(mode, 'principles/speed/'));
      await headerSearch(page, 'курьер опоздал');
      const shown = await page.evaluate(() => {
        const first = document.querySelector('#search-listbox [role=option]');
        const next = first.nextElementSibling;
        return {
          href: first.getAttribute('href'), title: first.querySelector('.search-hit-title').textContent,
          labels: [...first.querySelectorAll('.search-hit-labels > *')].map((e) => e.textContent),
          sub: next && next.classList.contains('search-sub') ? next.getAttribute('href') : null,
        };
      });
      assert.equal(shown.title, 'Задержка доставки');
      assert.ok(!shown.href.includes('#'), shown.href);
      assert.deepEqual(shown.labels, ['Шаблон ответа', 'доставка и сроки', 'согласовано']);
      if (shown.sub) assert.match(shown.sub, /replies\/delivery-delay\/(index\.html)?#/);
      const navigated = page.waitForEvent('Page.loadEventFired');
      await page.press('ArrowDown');
      await page.press('Enter');
      await navigated;
      const landed = await page.evaluate(() => ({ path: location.pathname, hash: location.hash, y: window.scrollY, tool: !!document.querySelector('[data-reply-tool]') }));
      assert.match(landed.path, /replies\/delivery-delay\/(index\.html)?$/);
      assert.deepEqual([landed.hash, landed.y, landed.tool], ['', 0, true]);
      assert.deepEqual(page.errors, []);
    });
  }

  test(`${mode}: Tab from the search box walks the results, then reaches the page`, { skip }, async () => {
    const page = await pageAt(1366, 768);
    await page.goto(url(mode, 'principles/speed/'));
    await headerSearch(page, 'задержка доставки');
    const count = await page.evaluate(() => document.querySelectorAll('#search-listbox a[role=option]').length);
    await page.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-option-0');
    assert.equal(await page.evaluate(() => document.querySelector('#search-listbox').hidden), false);
    for (let i = 1; i < count; i++) await page.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-option-all');
    await page.press('Tab');
    await new Promise((r) => setTimeout(r, 50));
    const after = await page.evaluate(() => ({
      inBox: !!document.activeElement.closest('[data-search-box]'), tag: document.activeElement.tagName,
      hidden: document.querySelector('#search-listbox').hidden,
    }));
    assert.deepEqual([after.inBox, after.hidden], [false, true], JSON.stringify(after));
    assert.notEqual(after.tag, 'BODY');
  });
}

for (const width of [320, 375]) {
  test(`http ${width}px: result titles keep whole words, at least 180 px wide, no sideways scroll`, { skip }, async () => {
    const page = await pageAt(width, 740);
    await page.goto(site.server.url + 'principles/speed/');
    // Long titles with every label: a reply template, a case, a principle.
    await headerSearch(page, 'задержка доставки');
    const popup = await page.evaluate(layout);
    const full = await pageAt(width, 740);
    await full.goto(site.server.url + 'search/?q=' + encodeURIComponent('жалоба'));
    await full.waitFor('.search-results li');
    const list = await full.evaluate(layout);
    for (const [where, shown] of [['popup', popup], ['search page', list]]) {
      assert.ok(shown.widths.length > 2, where);
      assert.deepEqual(shown.broken, [], `${where}: words broken across lines`);
      assert.ok(shown.scroll <= 0, `${where}: scrolls sideways by ${shown.scroll}px`);
      if (width === 375) assert.ok(Math.min(...shown.widths) >= 180, `${where}: title widths ${shown.widths.join(' ')}`);
    }
  });
}

test('http: the search page leaves the writers\' documentation out until the box is ticked', { skip }, async () => {
  const page = await pageAt(1366, 768);
  await page.goto(site.server.url + 'search/?q=' + encodeURIComponent('поиск'));
  await page.waitFor('.search-results li');
  const hrefs = () => page.evaluate(() => [...document.querySelectorAll('.search-results > li > a')].map((a) => a.getAttribute('href')));
  assert.ok(!(await hrefs()).some((h) => h.includes('docs/')));
  await page.click('[data-search-scope]');
  await page.waitFor(() => [...document.querySelectorAll('.search-results > li > a')].some((a) => a.getAttribute('href').includes('docs/')));
  assert.match(await page.evaluate(() => location.search), /scope=all/);
  // Only the documentation answers: it is shown with a notice.
  const other = await pageAt(1366, 768);
  await other.goto(site.server.url + 'search/?q=' + encodeURIComponent('front matter'));
  await other.waitFor('.search-results li');
  assert.match(await other.evaluate(() => document.querySelector('[data-search-summary]').textContent), /документация для авторов/);
});

for (const mode of ['http', 'file']) {
  test(`${mode}: a channel in the query («вк задержка») loads the channel piece and puts its template first`, { skip }, async () => {
    const page = await pageAt(1366, 768);
    await page.goto(url(mode, 'principles/speed/'));
    await headerSearch(page, 'вк задержка');
    const first = await page.evaluate(() => document.querySelector('#search-listbox [role=option] .search-hit-title').textContent);
    assert.equal(first, 'Задержка доставки');
    assert.deepEqual(page.errors, []);
  });
}
