// Approval status as readers meet it: the badge beside a template's title (colour, mark and
// word, AA contrast in light and dark mode), the listing filtered by status, the status in
// search results, and the «Что нового» page linked from the footer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { buildFixture, missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
let browser;
before(async () => { if (!skip) browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

const open = async (page, site, file) => page.goto(pathToFileURL(path.join(site, file)).href);

/** WCAG contrast ratio of the badge's text against what is behind it, both from computed styles. */
const badge = () => {
  // rgb(138, 90, 0) or, from color-mix(), color(srgb 0.96 0.95 0.93)
  const parse = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => (c.startsWith('color(') ? v * 255 : v));
  const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const el = document.querySelector('.status');
  const fg = lum(parse(getComputedStyle(el).color)), bg = lum(parse(getComputedStyle(el).backgroundColor));
  return {
    text: el.textContent, mark: getComputedStyle(el.querySelector('.status-mark'), '::before').content,
    contrast: Math.round(((Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)) * 10) / 10,
    beforeLead: el.closest('.page-header').querySelector('h1').compareDocumentPosition(el) === Node.DOCUMENT_POSITION_FOLLOWING,
  };
};

test('a template shows its status beside the title, readable in light and dark mode', { skip }, async () => {
  const site = buildFixture('publishing', { offline: true });
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.colorScheme(scheme);
    await open(page, site, 'replies/delay/index.html');
    const b = await page.evaluate(badge);
    assert.equal(b.text, 'Статус: на согласовании');
    assert.equal(b.mark, '"◔"');
    assert.ok(b.beforeLead, 'right under the title');
    assert.ok(b.contrast >= 4.5, `${scheme}: contrast ${b.contrast}`);
    const meta = await page.evaluate(() => document.querySelector('.approval-meta').textContent);
    assert.match(meta, /Отвечает за текст: Руководитель SMM/);
  }
});

test('the listing of templates filters by status', { skip }, async () => {
  const site = buildFixture('publishing', { offline: true });
  const page = await browser.newPage();
  await open(page, site, 'replies/index.html');
  const shown = () => page.evaluate(() => [...document.querySelectorAll('.listing-items li')].filter((li) => !li.hidden)
    .map((li) => [li.querySelector('a').textContent, li.querySelector('.status-dot').textContent]));
  assert.equal((await shown()).length, 3);
  const options = await page.evaluate(() => [...document.querySelectorAll('select[data-filter="3"] option')].map((o) => o.value));
  assert.deepEqual(options, ['', 'черновик', 'на согласовании', 'согласовано']);
  await page.evaluate(() => {
    const s = document.querySelector('select[data-filter="3"]');
    s.value = 'согласовано';
    s.dispatchEvent(new Event('change'));
  });
  assert.deepEqual(await shown(), [['Сбой приложения', 'согласовано']]);
});

test('search results carry the status of the pages that have one', { skip }, async () => {
  const site = buildFixture('publishing', { offline: true });
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(site, 'search/index.html')).href + '?q=' + encodeURIComponent('сбой заказ'));
  await page.waitFor('.search-results li');
  const hits = await page.evaluate(() => [...document.querySelectorAll('.search-results li')].map((li) => ({
    title: li.querySelector('.search-hit-title').textContent,
    status: li.querySelector('.search-hit-status')?.textContent ?? null,
    data: li.querySelector('.search-hit-status')?.dataset.status ?? null,
  })));
  const delay = hits.find((h) => h.title === 'Задержка доставки');
  assert.deepEqual(delay, { title: 'Задержка доставки', status: 'на согласовании', data: 'на согласовании' });
  assert.ok(hits.some((h) => h.status === null), `pages without a status show no badge: ${JSON.stringify(hits)}`);
});

test('«Что нового» is linked from the footer and lists changes or says why it cannot', { skip }, async () => {
  const site = buildFixture('publishing', { offline: true });
  const page = await browser.newPage();
  await open(page, site, 'index.html');
  const href = await page.evaluate(() => [...document.querySelectorAll('.site-footer a')].find((a) => a.textContent === 'Что нового')?.href);
  assert.ok(href && href.endsWith('whats-new/index.html'), href);
  await page.goto(href);
  const shape = await page.evaluate(() => ({
    title: document.querySelector('h1').textContent,
    changes: document.querySelectorAll('.change').length,
    note: document.querySelector('.note')?.textContent ?? '',
  }));
  assert.equal(shape.title, 'Что нового');
  // The fixture lives in this repository: a checkout lists commits, an exported tarball says so.
  assert.ok(shape.changes > 0 || shape.note.includes('недоступна'), JSON.stringify(shape));
  assert.deepEqual(page.errors, []);
});
