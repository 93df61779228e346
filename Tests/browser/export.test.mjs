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
import { frontMatter } from './lib/bundled-content.mjs';
import { almanacBinary, missingBinary } from '../js/lib/fixture-site.mjs';
import { repositoryRoot } from '../../scripts/lib/search-runtime.mjs';

const skip = missingChromium || missingBinary;
let browser;
before(async () => { if (!skip) browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/**
 * The pages of the bundled base in an approval status, in the order the export promises (see
 * ApprovalPacket.make): content types in almanac.yml's order, then the site's reading order —
 * folders depth first, in each folder its pages by weight, then title. Read here from the files,
 * not from almanac, so the test follows content edits and still catches a dropped or misplaced page.
 */
function pagesIn(status) {
  const types = contentTypes();
  const typeOf = (file, front) => front.type || types.find((t) => t.folder && t.folder === file.split('/')[0])?.id || 'article';
  const governed = (front, type) => (type?.fields.has('owner') ?? false)
    || ['approved_by', 'approved_on', 'review_by'].some((k) => front[k] !== undefined)
    || (!(type?.fields.has('status') ?? false) && front.status !== undefined);
  const order = (id) => { const i = types.findIndex((t) => t.id === id); return i < 0 ? Infinity : i; };
  return readingOrder()
    .map(({ file, front }) => ({ file, front, type: typeOf(file, front) }))
    .filter(({ front, type }) => front.status === status && governed(front, types.find((t) => t.id === type)))
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => order(a.type) - order(b.type) || a.i - b.i)
    .map(({ front, type }) => {
      const t = types.find((x) => x.id === type);
      const main = t?.textFields.map((f) => front[f]).find((v) => typeof v === 'string');
      // The packet prints an optional `{name?}` as `{name}`: the mark is the tool's, paper notes it in the table.
      const texts = [main, ...Object.values(front.variants || {})].filter(Boolean);
      const named = (mark) => new Set(texts.flatMap((x) => [...x.matchAll(new RegExp(`\\{([\\p{L}\\p{N}_]+)${mark}\\}`, 'gu'))].map((m) => m[1])));
      const required = named('');
      const optional = [...named('\\?')].filter((n) => !required.has(n)).sort();
      return { title: front.title, kind: t?.singular ?? 'Статья', texts: texts.map((x) => x.replace(/\{([\p{L}\p{N}_]+)\?\}/gu, '{$1}')), optional };
    });
}

/** almanac.yml's content types, in order: id, folder, singular name, field names, text fields. */
function contentTypes() {
  const lines = fs.readFileSync(path.join(repositoryRoot, 'almanac.yml'), 'utf8').split('\n');
  const types = [];
  let inTypes = false;
  let inFields = false;
  for (const line of lines) {
    if (/^\S/.test(line)) { inTypes = /^types:/.test(line); continue; }
    if (!inTypes) continue;
    let m;
    if ((m = /^ {2}(\w+):\s*$/.exec(line))) { types.push({ id: m[1], folder: null, singular: null, fields: new Set(), textFields: [] }); inFields = false; continue; }
    const type = types.at(-1);
    if (!type) continue;
    if ((m = /^ {4}(\w+):\s*(.*)$/.exec(line))) {
      inFields = m[1] === 'fields';
      if (m[1] === 'folder') type.folder = m[2].trim();
      if (m[1] === 'singular') type.singular = m[2].trim();
    } else if (inFields && (m = /^ {6}(\w+):(.*)$/.exec(line))) {
      type.fields.add(m[1]);
      if (/\btype:\s*text\b/.test(m[2])) type.textFields.push(m[1]);
    } else if (inFields && (m = /^ {8}type:\s*text\s*$/.exec(line))) {
      type.textFields.push([...type.fields].at(-1));
    }
  }
  return types;
}

/** Every page under content/ in reading order, with its front matter (section pages included). */
function readingOrder() {
  const weight = (front) => Number(front.weight ?? front.order ?? 0) || 0;
  const visit = (dir, relative) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const index = entries.find((e) => e.isFile() && e.name === '_index.md');
    const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== '_index.md').map((e) => {
      const front = frontMatter(path.join(dir, e.name));
      return { file: path.posix.join(relative, e.name), front, weight: weight(front), title: front.title ?? e.name.slice(0, -3) };
    });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => {
      const indexFile = path.join(dir, e.name, '_index.md');
      const front = fs.existsSync(indexFile) ? frontMatter(indexFile) : {};
      return { name: e.name, weight: weight(front), title: front.title ?? e.name };
    });
    const byWeightThenTitle = (a, b) => a.weight - b.weight || russianCompare(a.title, b.title);
    return [
      ...(index ? [{ file: path.posix.join(relative, '_index.md'), front: { ...frontMatter(path.join(dir, '_index.md')), isIndex: true } }] : []),
      ...pages.sort(byWeightThenTitle),
      ...folders.sort(byWeightThenTitle).flatMap((f) => visit(path.join(dir, f.name), path.posix.join(relative, f.name))),
    ];
  };
  return visit(path.join(repositoryRoot, 'content'), '').filter((p) => !p.front.isIndex);
}

/** The generator's Russian collation (Sources/Almanac/Site/RussianCollation.swift): ё as е, Cyrillic first, case ignored. */
function russianCompare(a, b) {
  const key = (s) => [...s.toLowerCase()].map((c) => {
    let v = c.codePointAt(0);
    if (v === 0x451) v = 0x435;
    if (v >= 0x430 && v <= 0x44f) v -= 0x400; else if (v >= 0x30) v += 0x100;
    return v;
  });
  const ka = key(a), kb = key(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return ka.length - kb.length || (a < b ? -1 : a > b ? 1 : 0);
}

test('the packet of templates awaiting approval prints one text per page, titles and placeholders on paper', { skip }, async () => {
  const pending = pagesIn('на согласовании');
  const expected = pending.map((p) => p.title);
  assert.ok(expected.length >= 2, `the bundled base has ${expected.length} texts awaiting approval`);
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
      kinds: [...document.querySelectorAll('.item .item-kind')].map((p) => p.textContent),
      // The texts under each title: the main one first, then the variants or blocks.
      texts: [...document.querySelectorAll('.item')].map((item) => [...item.querySelectorAll('.reply-text')].map((t) => t.textContent)),
      owners: [...document.querySelectorAll('.approval-table')].map((t) => t.rows[1].cells[1].textContent),
      statuses: [...document.querySelectorAll('.approval-table')].map((t) => t.rows[0].cells[1].textContent),
      // Every placeholder in a text is explained in the table under it.
      unexplained: [...document.querySelectorAll('.item')].flatMap((item) => {
        const explained = new Set([...item.querySelectorAll('.placeholder-table th .ph')].map((ph) => ph.textContent));
        return [...item.querySelectorAll('.reply-text .ph')].map((p) => p.textContent).filter((t) => !explained.has(t));
      }),
      placeholders: document.querySelectorAll('.reply-text .ph').length,
      // Per text, the placeholders its table marks optional, and whether a raw `?}` reached the paper.
      optional: [...document.querySelectorAll('.item')].map((item) => [...item.querySelectorAll('.placeholder-table th')]
        .filter((th) => th.textContent.endsWith(' (необязательно)')).map((th) => th.querySelector('.ph').textContent).sort()),
      rawMark: /\?\}/.test(document.body.textContent),
      decisions: document.querySelectorAll('.item .decision').length,
      background: getComputedStyle(document.documentElement).backgroundColor,
    }));
    assert.equal(dom.scripts, 0);
    assert.deepEqual(dom.external, [], 'no links out of the document');
    assert.match(dom.csp, /default-src 'none'/);
    assert.deepEqual(dom.titles, expected, 'every text in the status, types in almanac.yml order, then reading order');
    assert.deepEqual(dom.kinds, pending.map((p, i) => `${p.kind} · ${i + 1} / ${pending.length}`));
    pending.forEach((p, i) => assert.deepEqual(dom.texts[i], p.texts, `«${p.title}»: its main text and every variant, as written`));
    assert.ok(dom.owners.every((o) => o && o !== 'не указано'), dom.owners.join(', '));
    assert.ok(dom.statuses.every((s) => s === 'на согласовании'));
    assert.deepEqual(dom.unexplained, []);
    pending.forEach((p, i) => assert.deepEqual(dom.optional[i], p.optional.map((n) => `{${n}}`), `«${p.title}»: optional placeholders marked so`));
    assert.ok(pending.some((p) => p.optional.length), 'some text awaiting approval has an optional placeholder');
    assert.equal(dom.rawMark, false, 'no `{name?}` on paper');
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
      const head = squeeze(dom.kinds[i]) + squeeze(title);
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
