// The bundled knowledge base searched as a reader meets it in headless Chromium, over http and
// from file://: a query typed on the wrong keyboard layout is answered with a notice above the
// results, a synonym from almanac.yml finds the page that uses another word, and a situation name
// puts its reply template first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { missingChromium } from './lib/chromium.mjs';
import { servedBundledSite } from './lib/bundled-site.mjs';
import { buildBundledSite, missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
const site = servedBundledSite(skip);

const errors = (page) => page.errors;
const start = (mode) => (mode === 'http' ? site.server.url + 'principles/speed/'
  : pathToFileURL(path.join(buildBundledSite({ offline: true }), 'principles/speed/index.html')).href);

/** Types into the header box and returns what the popup shows once it has options. */
async function headerSearch(page, text, until = null) {
  await page.press('/');
  await page.type(text);
  await page.waitFor('#search-listbox:not([hidden]) [role=option]');
  // While typing, the popup may briefly answer a shorter prefix; wait for the whole query's answer.
  if (until) await page.waitFor(new Function(`return document.querySelector('#search-listbox').textContent.includes(${JSON.stringify(until)})`));
  return page.evaluate(() => ({
    messages: [...document.querySelectorAll('#search-listbox .search-message')].map((e) => e.textContent),
    titles: [...document.querySelectorAll('#search-listbox [role=option] .search-hit-title')].map((e) => e.textContent),
    types: [...document.querySelectorAll('#search-listbox [role=option] .search-hit-type')].map((e) => e.textContent),
    firstChild: document.querySelector('#search-listbox').firstElementChild.className,
    status: document.querySelector('[data-search-status]').textContent,
  }));
}

for (const mode of ['http', 'file']) {
  test(`${mode}: «ytufnbd» typed in the header box finds «негатив» and says so above the results`, { skip }, async () => {
    const page = await site.browser.newPage();
    await page.goto(start(mode));
    const shown = await headerSearch(page, 'ytufnbd', '«негатив»');
    assert.equal(shown.messages[0], 'Показаны результаты для «негатив»');
    assert.equal(shown.firstChild, 'search-message search-corrected', 'the notice comes before the results');
    assert.ok(shown.titles.includes('Негативный отзыв на маркетплейсе'), shown.titles.join(' | '));
    assert.match(shown.status, /^Показаны результаты для «негатив»\. Найдено: \d+/);
    assert.deepEqual(errors(page), []);
  });
}

test('http: a Latin word on the Russian layout, and a real Latin word left alone', { skip }, async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url);
  const swapped = await headerSearch(page, 'ЫЬЬ', '«SMM»');
  assert.equal(swapped.messages[0], 'Показаны результаты для «SMM»');
  const other = await site.browser.newPage();
  await other.goto(site.server.url);
  const kept = await headerSearch(other, 'SMM');
  assert.deepEqual(kept.messages, [], 'no notice for a word the index holds');
  assert.ok(kept.titles.includes('Что почитать'));
});

test('http: the full search page says which query it answered', { skip }, async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url + 'search/?q=' + encodeURIComponent('pflth;rf ljcnfdrb'));
  await page.waitFor('.search-results li');
  const shown = await page.evaluate(() => ({
    summary: document.querySelector('[data-search-summary]').textContent,
    first: document.querySelector('.search-results .search-hit-title').textContent,
  }));
  assert.match(shown.summary, /^Показаны результаты для «задержка доставки»\. Найдено: \d+$/);
  assert.equal(shown.first, 'Задержка доставки');
  assert.deepEqual(errors(page), []);
});

test('http: a synonym finds the page that says it another way; a situation puts its reply first', { skip }, async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url);
  const hate = await headerSearch(page, 'хейтеров ');
  assert.ok(hate.titles.includes('Грубый или оскорбительный комментарий'), hate.titles.join(' | '));
  const other = await site.browser.newPage();
  await other.goto(site.server.url);
  const leak = await headerSearch(other, 'утечка данных');
  assert.equal(leak.titles[0], 'Утечка данных');
  assert.equal(leak.types[0], 'Шаблон ответа');
});
