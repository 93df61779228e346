// The search as a reader meets it: typed into the header box of a real page, in headless
// Chromium, over http and from file://, under the site's Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { buildFixture, missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
let browser;
before(async () => { if (!skip) browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const errors = (page) => page.errors;
const optionTitles = (page) => page.evaluate(() =>
  [...document.querySelectorAll('#search-listbox [role=option] .search-hit-title')].map((e) => e.textContent));

async function typeAndWait(page, text) {
  await page.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input', '/ focuses the search box');
  await page.type(text);
  await page.waitFor('#search-listbox:not([hidden]) [role=option]');
}

test('over http: typing in the header box shows ranked results; arrows and Enter open one', { skip }, async () => {
  const server = await serveDirectory(buildFixture('search-site'));
  try {
    const page = await browser.newPage();
    await page.goto(server.url + 'replies/delay/');
    await typeAndWait(page, 'кризисная коммуникация');
    const titles = await optionTitles(page);
    assert.equal(titles[0], 'Кризисные коммуникации в социальных сетях');
    assert.equal(await page.evaluate(() => document.querySelector('#search-input').getAttribute('aria-expanded')), 'true');
    const marks = await page.evaluate(() => [...document.querySelectorAll('#search-listbox mark')].map((m) => m.textContent));
    assert.ok(marks.includes('Кризисная') && marks.includes('коммуникация'), marks.join(','));

    await page.press('ArrowDown');
    await page.press('ArrowDown');
    const active = await page.evaluate(() => document.querySelector('#search-input').getAttribute('aria-activedescendant'));
    assert.equal(active, 'search-option-1');
    const href = await page.evaluate(() => document.querySelector('#search-option-1').href);
    const navigated = page.waitForEvent('Page.loadEventFired');
    await page.press('Enter');
    await navigated;
    assert.equal(await page.evaluate(() => location.href), href);
    assert.match(href, /\/cases\/outage\/#uroki$/, 'deep link to the matching heading');

    const pieces = page.requests.filter((r) => new URL(r.url).pathname.startsWith('/search/'));
    assert.ok(pieces.some((r) => r.url.includes('/search/meta.json')));
    assert.ok(pieces.every((r) => /\.(json|bin)(\?v=\w+)?$/.test(r.url)), pieces.map((r) => r.url).join('\n'));
    assert.deepEqual(errors(page), []);
  } finally {
    await server.close();
  }
});

test('from file://: the same search works with the index loaded as scripts, under the CSP', { skip }, async () => {
  const site = buildFixture('search-site', { offline: true });
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(site, 'principles/speed/index.html')).href);
  await typeAndWait(page, 'жалоба');
  const titles = await optionTitles(page);
  assert.ok(titles.includes('Ответ на негативный отзыв'), titles.join(' | '));
  const pieces = page.requests.filter((r) => r.url.startsWith(pathToFileURL(path.join(site, 'search')).href));
  assert.ok(pieces.length > 0 && pieces.every((r) => r.url.endsWith('.js')), pieces.map((r) => r.url).join('\n'));
  const href = await page.evaluate(() => document.querySelector('#search-option-0').href);
  assert.match(href, /^file:.*index\.html(#.*)?$/);
  await page.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('#search-listbox').hidden), true, 'Esc closes the list');
  assert.deepEqual(errors(page), []);
});

test('the full search page reads the query from its URL, filters, and keeps both in the URL', { skip }, async () => {
  for (const offline of [false, true]) {
    const site = buildFixture('search-site', { offline });
    const server = offline ? null : await serveDirectory(site);
    try {
      const page = await browser.newPage();
      const url = offline ? pathToFileURL(path.join(site, 'search/index.html')).href + '?q=заказ' : server.url + 'search/?q=заказ';
      await page.goto(url);
      await page.waitFor('.search-results li');
      const count = () => page.evaluate(() => document.querySelectorAll('.search-results li').length);
      assert.ok((await count()) >= 3, `offline=${offline}`);
      await page.evaluate(() => {
        const s = document.querySelector('select[name=type]');
        s.value = 'reply';
        s.dispatchEvent(new Event('change'));
      });
      await page.waitFor(() => document.querySelectorAll('.search-results li').length === 2);
      const types = await page.evaluate(() => [...document.querySelectorAll('.search-results .search-hit-type')].map((e) => e.textContent));
      assert.deepEqual(types, ['Шаблон ответа', 'Шаблон ответа']);
      const search = await page.evaluate(() => decodeURIComponent(location.search));
      assert.equal(search, '?q=заказ&type=reply', `offline=${offline}`);
      assert.deepEqual(errors(page), []);
    } finally {
      if (server) await server.close();
    }
  }
});

test('titles and text with markup are shown as text, never run', { skip }, async () => {
  const server = await serveDirectory(buildFixture('search-site'));
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await typeAndWait(page, 'опасный');
    const shown = await page.evaluate(() => ({
      title: document.querySelector('#search-option-0 .search-hit-title').textContent,
      scripts: document.querySelectorAll('#search-listbox script, #search-listbox img').length,
    }));
    assert.equal(shown.title, "<script>alert('title')</script> Опасный заголовок");
    assert.equal(shown.scripts, 0);
    assert.deepEqual(errors(page), []);
  } finally {
    await server.close();
  }
});

test('no matches says so; a partial match says so', { skip }, async () => {
  const server = await serveDirectory(buildFixture('search-site'));
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.press('/');
    await page.type('зебра ');
    await page.waitFor('#search-listbox:not([hidden]) .search-message');
    assert.equal(await page.evaluate(() => document.querySelector('#search-listbox').textContent), 'Ничего не найдено');
    await page.type('оплата ');
    await page.waitFor('#search-listbox [role=option]');
    const message = await page.evaluate(() => document.querySelector('#search-listbox .search-message').textContent);
    assert.match(message, /частичные совпадения/);
    if (process.env.ALMANAC_SCREENSHOTS) {
      for (const scheme of ['light', 'dark']) {
        await page.colorScheme(scheme);
        await page.screenshot(path.join(os.tmpdir(), `almanac-search-${scheme}.png`));
      }
    }
  } finally {
    await server.close();
  }
});
