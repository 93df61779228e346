// Internal documents (content/documents/) reuse the reply tool under their own layout: the
// on-call specialist fills the fields once and every block of the call-centre script — the
// main text and each answer — shows the same facts, ready to copy. From file://, since the
// offline bundle is what sits on the duty laptop.
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

const skip = missingChromium || missingBinary;
let browser;
let work;
before(async () => {
  if (skip) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-document-'));
  execFileSync(almanacBinary, ['build', repositoryRoot, '--output', work, '--quiet', '--offline'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  browser = await launch();
  await browser.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] }).catch(() => {});
});
after(async () => {
  if (browser) await browser.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('a document fills its main text and every block from one field, and a block copies filled', { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(work, 'documents/support-script/index.html')).href);
  await page.type('#ph-nomer-obrashcheniya', 'A-1042');
  const shown = await page.evaluate(() => ({
    heading: document.querySelector('#document-title').textContent,
    main: document.querySelector('#text-main').textContent,
    closing: document.querySelector('#variants-zavershenie').textContent,
    unfilled: [...document.querySelectorAll('#variants-zavershenie .ph')].filter((e) => e.textContent.startsWith('{')).map((e) => e.textContent),
  }));
  assert.equal(shown.heading, 'Текст документа');
  assert.match(shown.main, /его номер — A-1042\./);
  assert.match(shown.closing, /^«Номер вашего обращения — A-1042\./);
  assert.deepEqual(shown.unfilled, ['{срок_ответа_клиенту}', '{где_публикуем}'], 'unfilled placeholders stay visible');

  await page.click('button[data-copy="variants-zavershenie"]');
  await page.waitFor(() => document.querySelector('.copy-status').textContent !== '');
  const copied = await page.evaluate(async () => ({
    status: document.querySelector('.copy-status').textContent,
    clipboard: await navigator.clipboard.readText().catch((e) => 'unreadable: ' + e.message),
  }));
  assert.equal(copied.status, 'Текст скопирован');
  if (!copied.clipboard.startsWith('unreadable')) assert.equal(copied.clipboard, shown.closing);
  assert.deepEqual(page.errors, []);
});
