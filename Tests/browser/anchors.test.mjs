// Links people already shared keep working after edits, in a real browser, over http and from
// file://: an anchor whose heading was reworded (remembered from the previous build), one renamed
// by `anchors:` in front matter, and an old address from `aliases:` (a redirect page, with the
// section it named).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { almanacBinary, missingBinary } from '../js/lib/fixture-site.mjs';
import { repositoryRoot } from '../../scripts/lib/search-runtime.mjs';

const skip = missingChromium || missingBinary;
const filler = Array.from({ length: 30 }, (_, i) => `Абзац ${i + 1}: текст, который отодвигает следующий раздел вниз.`).join('\n\n');
const guide = (front, headings) => `---\ntitle: Руководство\n${front}---\n${filler}\n\n## ${headings[0]}\n\n${filler}\n\n## ${headings[1]}\n\n${filler}\n`;

let browser, dir, server;
const out = {};
function build(offline) {
  const args = ['build', path.join(dir, 'site'), '--output', out[offline ? 'file' : 'http'], '--quiet'];
  if (offline) args.push('--offline');
  execFileSync(almanacBinary, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

before(async () => {
  if (skip) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-anchors-'));
  const site = path.join(dir, 'site');
  fs.cpSync(path.join(repositoryRoot, 'templates'), path.join(site, 'templates'), { recursive: true });
  fs.writeFileSync(path.join(site, 'almanac.yml'), 'title: Якоря\nlanguage: ru\n');
  fs.mkdirSync(path.join(site, 'content'));
  // other.md links to the old anchors: the link check must know them after the edit.
  fs.writeFileSync(path.join(site, 'content/_index.md'), '[Руководство](guide.md#chto-delat), [примеры](guide.md#primery)\n');
  fs.writeFileSync(path.join(site, 'content/guide.md'), guide('', ['Что делать', 'Примеры']));
  out.http = path.join(dir, 'http');
  out.file = path.join(dir, 'file');
  build(false);
  build(true);
  // The edit: one heading reworded slightly (remembered), one renamed outright (declared), and the
  // page's old address kept as an alias.
  fs.writeFileSync(path.join(site, 'content/guide.md'),
    guide('anchors: {primery: chek-list}\naliases: [staroe/rukovodstvo]\n', ['Что делать сразу', 'Чек-лист']));
  build(false); // exits non-zero on a broken anchor in _index.md
  build(true);
  browser = await launch({ height: 600 });
  server = await serveDirectory(out.http);
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const base = (mode) => (mode === 'http' ? server.url : pathToFileURL(out.file).href + '/');
const page = (mode, address) => base(mode) + address + (mode === 'file' ? 'index.html' : '');

/** Where the browser stands: its address, and the heading at the top of the viewport. */
async function landing(p) {
  return p.evaluate(() => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const heading = target && target.closest('h2');
    return {
      href: location.href,
      heading: heading ? heading.id : null,
      top: heading ? Math.round(heading.getBoundingClientRect().top) : null,
      scrolled: window.scrollY,
    };
  });
}

for (const mode of ['http', 'file']) {
  test(`${mode}: an old anchor lands on the reworded heading, remembered or declared`, { skip }, async () => {
    for (const [old, now] of [['chto-delat', 'chto-delat-srazu'], ['primery', 'chek-list']]) {
      const p = await browser.newPage(); // a fresh load: a fragment change alone would not scroll from the top
      await p.goto(page(mode, 'guide/') + '#' + old);
      const at = await landing(p);
      assert.equal(at.heading, now, `#${old}`);
      assert.ok(at.scrolled > 0 && at.top >= 0 && at.top < 200, `#${old} scrolled to its heading: ${JSON.stringify(at)}`);
      assert.deepEqual(p.errors, []);
    }
  });

  test(`${mode}: an old address from aliases redirects to the page, and to the section it named`, { skip }, async () => {
    const p = await browser.newPage();
    const arrived = p.waitForEvent('Page.frameNavigated');
    await p.goto(page(mode, 'staroe/rukovodstvo/'));
    await arrived;
    await p.waitFor(() => document.querySelector('h1') && !location.href.includes('staroe'), { timeout: 5000 });
    assert.equal(await p.evaluate(() => location.href), page(mode, 'guide/'));

    await p.goto(page(mode, 'staroe/rukovodstvo/') + '#primery');
    await p.waitFor(() => !location.href.includes('staroe') && document.readyState === 'complete', { timeout: 5000 });
    const at = await landing(p);
    assert.equal(at.href, page(mode, 'guide/') + '#primery');
    assert.equal(at.heading, 'chek-list');
  });
}
