// The reply tool of the bundled knowledge base as a PR specialist uses it in the first hour:
// fill in the placeholders, see every variant update as you type, copy the variant you need once
// the fields it uses are filled.
// Over http and from file://, since agencies open the site from disk.
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
let browser;
let work;
before(async () => {
  if (skip) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-reply-'));
  for (const [name, extra] of [['hosted', []], ['offline', ['--offline']]]) {
    execFileSync(almanacBinary, ['build', repositoryRoot, '--output', path.join(work, name), '--quiet', ...extra],
      { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  browser = await launch();
  await browser.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] }).catch(() => {});
});
after(async () => {
  if (browser) await browser.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const errors = (page) => page.errors;

async function fillAndCopy(url) {
  const page = await browser.newPage();
  await page.goto(url);
  // A name with markup must come out as text, in the page and in the copied reply.
  await page.type('#ph-imya', '<b>Анна</b>');
  // «контакт» is used only by the YouTube variant: its field shows with that tab.
  assert.equal(await page.evaluate(() => document.querySelector('#ph-kontakt').closest('.reply-field').hidden), true);
  await page.click('#tab-variants-youtube');
  await page.type('#ph-kontakt', 'help@example.ru');
  const shown = await page.evaluate(() => ({
    main: document.querySelector('#reply-main').textContent,
    youtube: document.querySelector('#variants-youtube').textContent,
    bold: document.querySelectorAll('.reply-text b').length,
    unfilled: [...document.querySelectorAll('#variants-youtube .ph')].filter((e) => e.textContent.startsWith('{')).map((e) => e.textContent),
  }));
  assert.match(shown.main, /^<b>Анна<\/b>, видим, что вы очень недовольны/);
  assert.match(shown.youtube, /^<b>Анна<\/b>, на резкость не обижаемся/);
  assert.match(shown.youtube, /напишите, пожалуйста, на help@example\.ru:/);
  assert.equal(shown.bold, 0, 'typed markup stays text');
  assert.deepEqual(shown.unfilled, ['{суть_претензии}'], 'unfilled placeholders stay visible');

  // Copying the YouTube variant with a field it uses still empty copies nothing.
  await page.click('#copy-button');
  await page.waitFor(() => document.querySelector('.copy-status').textContent !== '');
  assert.equal(await page.evaluate(() => document.querySelector('.copy-status').textContent), 'Заполните: суть претензии');
  assert.equal(await page.evaluate(() => document.querySelector('#ph-sut-pretenzii').getAttribute('aria-invalid')), 'true');
  await page.type('#ph-sut-pretenzii', 'задержке возврата');
  await page.click('#copy-button');
  await page.waitFor(() => document.querySelector('.copy-status').textContent === 'Текст скопирован');
  const copied = await page.evaluate(async () => ({
    text: document.querySelector('#variants-youtube').textContent,
    button: document.querySelector('#copy-button').textContent.trim(),
    clipboard: await navigator.clipboard.readText().catch((e) => 'unreadable: ' + e.message),
  }));
  assert.match(copied.text, /Если речь о задержке возврата, напишите/);
  assert.equal(copied.button, 'Скопировано');
  if (!copied.clipboard.startsWith('unreadable')) assert.equal(copied.clipboard, copied.text);
  assert.deepEqual(errors(page), []);
}

test('over http: placeholders fill every variant live and a variant copies with them', { skip }, async () => {
  const server = await serveDirectory(path.join(work, 'hosted'));
  try {
    await fillAndCopy(server.url + 'replies/abusive-comment/');
  } finally {
    await server.close();
  }
});

test('from file://: the same reply tool works on the offline build', { skip }, async () => {
  await fillAndCopy(pathToFileURL(path.join(work, 'offline', 'replies/abusive-comment/index.html')).href);
});
