// The approval packet as a lawyer gets it: `almanac export --status на-согласовании` over the
// bundled knowledge base, opened from disk in headless Chromium and printed to PDF
// (Page.printToPDF). The DOM shows what the document holds; the PDF's own text layer (fonts'
// ToUnicode tables, read by lib/pdf-text.mjs) shows that every text starts a new page with its
// title, and that placeholders and the decision box reach the paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { pdfPages, squeeze } from './lib/pdf-text.mjs';
import { almanacBinary, missingBinary } from '../js/lib/fixture-site.mjs';
import { repositoryRoot } from '../../scripts/lib/search-runtime.mjs';

const skip = missingChromium || missingBinary;
let browser;
before(async () => { if (!skip) browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/** Titles of the bundled replies in a status, read from their front matter here, not by almanac. */
function titlesIn(status) {
  const dir = path.join(repositoryRoot, 'content/replies');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== '_index.md').sort().map((f) => {
    const front = fs.readFileSync(path.join(dir, f), 'utf8').split(/^---$/m)[1] || '';
    const field = (k) => (new RegExp(`^${k}:\\s*(.+)$`, 'm').exec(front) || [])[1]?.trim();
    return { title: field('title'), status: field('status') };
  }).filter((r) => r.status === status).map((r) => r.title);
}

test('the packet of templates awaiting approval prints one text per page, titles and placeholders on paper', { skip }, async () => {
  const expected = titlesIn('на согласовании');
  assert.ok(expected.length >= 2, `the bundled base has ${expected.length} templates awaiting approval`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-export-'));
  try {
    const file = path.join(dir, 'packet.html');
    execFileSync(almanacBinary, ['export', '--status', 'на-согласовании', repositoryRoot, '-o', file, '--today', '2026-11-25', '--quiet']);

    const page = await browser.newPage();
    await page.colorScheme('dark');
    await page.goto(pathToFileURL(file).href);
    const dom = await page.evaluate(() => ({
      scripts: document.scripts.length,
      external: [...document.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')).filter((u) => !u.startsWith('#')),
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
      titles: [...document.querySelectorAll('.item h2')].map((h) => h.textContent),
      owners: [...document.querySelectorAll('.approval-table')].map((t) => t.rows[1].cells[1].textContent),
      statuses: [...document.querySelectorAll('.approval-table')].map((t) => t.rows[0].cells[1].textContent),
      // Every placeholder in a text is explained in the table under it.
      unexplained: [...document.querySelectorAll('.item')].flatMap((item) => {
        const explained = new Set([...item.querySelectorAll('.placeholder-table th')].map((th) => th.textContent));
        return [...item.querySelectorAll('.reply-text .ph')].map((p) => p.textContent).filter((t) => !explained.has(t));
      }),
      placeholders: document.querySelectorAll('.reply-text .ph').length,
      decisions: document.querySelectorAll('.item .decision').length,
      background: getComputedStyle(document.documentElement).backgroundColor,
    }));
    assert.equal(dom.scripts, 0);
    assert.deepEqual(dom.external, [], 'no links out of the document');
    assert.match(dom.csp, /default-src 'none'/);
    assert.deepEqual([...dom.titles].sort(), [...expected].sort());
    assert.ok(dom.owners.every((o) => o && o !== 'не указано'), dom.owners.join(', '));
    assert.ok(dom.statuses.every((s) => s === 'на согласовании'));
    assert.deepEqual(dom.unexplained, []);
    assert.ok(dom.placeholders >= expected.length, `${dom.placeholders} placeholders`);
    assert.equal(dom.decisions, expected.length);
    assert.equal(dom.background, 'rgb(255, 255, 255)', 'white even in dark mode');
    assert.deepEqual(page.errors, []);

    const { data } = await page.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: false });
    const pdf = Buffer.from(data, 'base64');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = pdfPages(pdf).map(squeeze);
    // A cover with the contents, then each text on at least one page of its own, at most four.
    assert.ok(pages.length >= 1 + dom.titles.length && pages.length <= 1 + 4 * dom.titles.length,
      `${pages.length} pages for ${dom.titles.length} texts`);
    assert.ok(pages[0].includes(squeeze('Тексты для согласования')), 'the cover page');
    dom.titles.forEach((title, i) => {
      const head = squeeze(`Шаблон ответа · ${i + 1} / ${dom.titles.length}`) + squeeze(title);
      assert.ok(pages.some((p) => p.startsWith(head)), `«${title}» opens a page of the PDF`);
      assert.ok(pages[0].includes(squeeze(title)), `«${title}» is in the contents`);
    });
    const all = pages.join('');
    assert.ok(/\{[\p{L}_\d]+\}/u.test(pdfPages(pdf).join('')), 'placeholders keep their braces on paper');
    assert.equal(all.split(squeeze('Подпись, дата')).length - 1, dom.titles.length, 'a decision box per text');
    if (process.env.ALMANAC_DEBUG) console.log(`packet: ${dom.titles.length} texts, ${pages.length} pages, ${pdf.length} bytes`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
