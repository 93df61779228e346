// The offline bundle as an agency meets it: `almanac bundle` → a zip, unpacked into a folder
// nobody planned for, opened by double-clicking index.html — that is, from file:// in Chromium.
// Navigation, images, search, listing filters, the reply tool's copy button and the playbook
// must all work, and no request may leave the disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { almanacBinary, missingBinary } from '../js/lib/fixture-site.mjs';
import { repositoryRoot } from '../../scripts/lib/search-runtime.mjs';

const hasUnzip = (() => {
  try { execFileSync('unzip', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; }
})();
const skip = missingChromium || missingBinary || (hasUnzip ? false : 'needs unzip (apt-get install unzip)');

let browser;
let work;
let site;
before(async () => {
  if (skip) return;
  // A folder with a space and Cyrillic in its name, as on a real desktop.
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-bundle-'));
  const zip = path.join(work, 'kb.zip');
  execFileSync(almanacBinary, ['bundle', path.join(repositoryRoot, 'Tests/AlmanacTests/Fixtures/publishing'), '--output', zip, '--quiet'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  const desktop = path.join(work, 'Рабочий стол', 'для агентства');
  fs.mkdirSync(desktop, { recursive: true });
  execFileSync('unzip', ['-q', zip, '-d', desktop]);
  site = path.join(desktop, 'kb');
  browser = await launch();
  await browser.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] }).catch(() => {});
});
after(async () => {
  if (browser) await browser.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const open = (relative) => pathToFileURL(path.join(site, relative)).href;
const errors = (page) => page.errors;
const offDisk = (page) => page.requests.map((r) => r.url).filter((u) => !u.startsWith('file://'));

async function follow(page, selector) {
  const loaded = page.waitForEvent('Page.loadEventFired');
  await page.click(selector);
  await loaded;
}

test('unpacked anywhere, the bundle opens from index.html with styles, images and working links', { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(open('index.html'));
  const home = await page.evaluate(() => ({
    title: document.querySelector('h1').textContent,
    image: document.querySelector('.content img')?.naturalWidth ?? 0,
    styled: getComputedStyle(document.querySelector('.site-header')).position,
  }));
  assert.equal(home.title, 'Плейбук-тест');
  assert.ok(home.image > 0, 'the image beside the page loads from disk');
  assert.equal(home.styled, 'sticky', 'the theme stylesheet applies');

  await follow(page, '.sidebar a[href="replies/index.html"]');
  assert.match(await page.evaluate(() => location.href), /\/kb\/replies\/index\.html$/, 'a folder link opens its index.html, not a listing');
  assert.equal(await page.evaluate(() => document.querySelector('h1').textContent), 'Шаблоны ответов');

  // Listing filters run from disk too.
  const shown = () => page.evaluate(() => [...document.querySelectorAll('.listing-items > li')].filter((li) => !li.hidden).length);
  const all = await shown();
  await page.evaluate(() => {
    const select = document.querySelector('select[data-filter="0"]');
    select.value = 'сбой сервиса';
    select.dispatchEvent(new Event('change'));
  });
  assert.equal(await shown(), 1);
  assert.ok(all >= 3);

  await follow(page, '.site-footer a[href$="playbook/index.html"]');
  assert.equal(await page.evaluate(() => document.querySelector('button[data-print]').hidden), false, 'the print button shows');
  assert.ok(await page.evaluate(() => document.querySelectorAll('.playbook-item').length) >= 4);

  assert.deepEqual(offDisk(page), [], 'every request stays on disk');
  assert.deepEqual(errors(page), []);
});

test('search from disk finds a reply template; its copy button copies the filled-in text', { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(open('principles/speed/index.html'));
  await page.focus('#search-input');
  await page.type('задержка доставки');
  await page.waitFor('#search-listbox:not([hidden]) [role=option]', { timeout: 10000 });
  const titles = await page.evaluate(() => [...document.querySelectorAll('#search-listbox [role=option] .search-hit-title')].map((e) => e.textContent));
  assert.equal(titles[0], 'Задержка доставки', titles.join(' | '));

  const loaded = page.waitForEvent('Page.loadEventFired');
  await page.press('ArrowDown');
  await page.press('Enter');
  await loaded;
  assert.match(await page.evaluate(() => location.href), /\/kb\/replies\/delay\/index\.html(#.*)?$/);

  await page.type('#ph-imya', 'Анна');
  // Copying waits until every field of the text is filled: first it names the empty one.
  await page.click('#copy-button');
  await page.waitFor(() => document.querySelector('.copy-status').textContent !== '');
  assert.equal(await page.evaluate(() => document.querySelector('.copy-status').textContent), 'Заполните: номер заказа');
  await page.type('#ph-nomer-zakaza', '48213');
  await page.click('#copy-button');
  await page.waitFor(() => document.querySelector('.copy-status').textContent === 'Текст скопирован');
  const result = await page.evaluate(async () => ({
    status: document.querySelector('.copy-status').textContent,
    expected: document.querySelector('#reply-main').textContent,
    clipboard: await navigator.clipboard.readText().catch((e) => 'unreadable: ' + e.message),
  }));
  assert.equal(result.status, 'Текст скопирован');
  assert.match(result.expected, /^Анна, здравствуйте! Заказ 48213 задерживается\./);
  if (!result.clipboard.startsWith('unreadable')) assert.equal(result.clipboard, result.expected);

  assert.deepEqual(offDisk(page), [], 'every request stays on disk');
  assert.deepEqual(errors(page), []);
});

test('nothing in the bundle points off the disk: no CDN, no web fonts, no absolute URLs in assets', { skip }, async () => {
  const offending = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) { walk(file); continue; }
      if (!/\.(html|css|js)$/.test(entry.name)) continue;
      const text = fs.readFileSync(file, 'utf8');
      // Loads, not mentions: src/href attributes, CSS url() and @import, fetch/import of a URL.
      for (const m of text.matchAll(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+|url\(\s*["']?(?:https?:)?\/\/[^)]+\)|@import\s+["'](?:https?:)?\/\/[^"']+/g)) {
        offending.push(`${path.relative(site, file)}: ${m[0]}`);
      }
    }
  };
  walk(site);
  assert.deepEqual(offending, []);
});
