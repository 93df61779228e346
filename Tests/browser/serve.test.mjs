// The writer's loop as a writer sees it: `almanac serve` on a copy of a fixture site, a page open
// in headless Chromium, the Markdown edited on disk — the page changes by itself; a broken file
// shows an overlay with file:line over the last good page; fixing it clears the overlay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, missingChromium } from './lib/chromium.mjs';
import { almanacBinary, missingBinary } from '../js/lib/fixture-site.mjs';
import { repositoryRoot } from '../../scripts/lib/search-runtime.mjs';

const skip = missingChromium || missingBinary;
let browser;
before(async () => { if (!skip) browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

/** A private copy of a fixture site (its templates link is followed, so edits stay in the copy). */
function copyFixture(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `almanac-serve-${name}-`));
  fs.cpSync(path.join(repositoryRoot, 'Tests/AlmanacTests/Fixtures', name), dir, { recursive: true, dereference: true });
  return dir;
}

/** Starts `almanac serve SITE --port 0` and resolves with its URL once it listens. */
function startServer(site) {
  const child = spawn(almanacBinary, ['serve', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start:\n' + log)), 60000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = log.match(/Просмотр: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${log}`)); });
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, url, exited, log: () => log };
}

const errors = (page) => page.errors;

test('serve: an edit shows without a reload; a broken file shows file:line over the last good page until fixed', { skip, timeout: 120000 }, async () => {
  const site = copyFixture('basic');
  const server = startServer(site);
  const file = path.join(site, 'content/guide/first-step.md');
  const original = fs.readFileSync(file, 'utf8');
  try {
    const url = await server.url;
    const page = await browser.newPage();
    await page.goto(url + 'guide/first-step/');
    await page.waitFor(() => document.documentElement.dataset.almanacLive === 'connected', { timeout: 10000 });
    assert.ok(page.requests.some((r) => r.url.endsWith('/__almanac/live.js')), 'live script loaded as a file');

    // 1. An edit to the body appears by itself.
    const reloaded = page.waitForEvent('Page.loadEventFired', 15000);
    fs.writeFileSync(file, original + '\nАбзац, добавленный во время просмотра.\n');
    await reloaded;
    await page.waitFor(() => document.querySelector('main')?.textContent.includes('Абзац, добавленный во время просмотра.'), { timeout: 10000 });

    // 2. A broken front matter: overlay with file:line, the page underneath stays the last good one.
    fs.writeFileSync(file, original.replace('title: Первый шаг', 'title: [Первый шаг'));
    await page.waitFor('#almanac-live-overlay', { timeout: 15000 });
    const overlay = await page.evaluate(() => document.querySelector('#almanac-live-overlay').textContent);
    assert.match(overlay, /content\/guide\/first-step\.md:\d+/, overlay);
    assert.ok(await page.evaluate(() => document.querySelector('main')?.textContent.includes('Абзац, добавленный во время просмотра.')));
    const visible = await page.evaluate(() => {
      const r = document.querySelector('#almanac-live-overlay').getBoundingClientRect();
      return r.width > 100 && r.height > 20 && getComputedStyle(document.querySelector('#almanac-live-overlay')).position === 'fixed';
    });
    assert.ok(visible, 'the overlay is styled by live.css despite the strict CSP');

    // 3. Fixing the file clears the overlay and shows the fixed page.
    fs.writeFileSync(file, original.replace('Вступление к шагу.', 'Вступление к шагу, исправленное.'));
    await page.waitFor(() => !document.querySelector('#almanac-live-overlay')
      && document.querySelector('main')?.textContent.includes('Вступление к шагу, исправленное.'), { timeout: 15000 });
    assert.deepEqual(errors(page), [], 'no CSP violations or script errors');
  } finally {
    server.child.kill('SIGTERM');
    const { code } = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r({ code: 'timeout' }), 10000))]);
    if (code === 'timeout') server.child.kill('SIGKILL');
    fs.rmSync(site, { recursive: true, force: true });
    assert.equal(code, 0, 'SIGTERM stops the server cleanly\n' + server.log());
  }
});

test('serve: eight open tabs share one event stream, so none waits for a free connection', { skip, timeout: 120000 }, async () => {
  const site = copyFixture('basic');
  const server = startServer(site);
  const pages = [];
  try {
    const url = await server.url;
    // Chromium allows six connections per server: eight streams of their own would starve the seventh tab.
    const paths = ['', 'guide/', 'guide/first-step/', 'guide/second-step/', 'tags/', 'search/', 'cases/', 'guide/first-step/#kak-nachat'];
    for (const p of paths) {
      const page = await browser.newPage();
      await page.goto(url + p);
      await page.waitFor(() => document.documentElement.dataset.almanacLive === 'connected', { timeout: 10000 });
      pages.push(page);
    }
    const file = path.join(site, 'content/guide/second-step.md');
    const reloaded = pages[3].waitForEvent('Page.loadEventFired', 15000);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + '\nПравка при восьми вкладках.\n');
    await reloaded;
    await pages[3].waitFor(() => document.querySelector('main')?.textContent.includes('Правка при восьми вкладках.'), { timeout: 10000 });
    for (const page of pages) assert.deepEqual(errors(page), []);
  } finally {
    for (const page of pages) await browser.send('Target.closeTarget', { targetId: page.targetId }).catch(() => {});
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('serve: SIGINT stops it cleanly and frees the port', { skip: missingBinary, timeout: 60000 }, async () => {
  const site = copyFixture('basic');
  const server = startServer(site);
  try {
    const url = await server.url;
    const response = await fetch(url);
    assert.equal(response.status, 200);
    server.child.kill('SIGINT');
    const { code } = await server.exited;
    assert.equal(code, 0, server.log());
    await assert.rejects(fetch(url), 'nothing listens any more');
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
});
