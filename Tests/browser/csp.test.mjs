// The default theme under its own strict Content-Security-Policy: every main kind of page, used
// as a reader uses it (search as you type, the reply template's live form and copy button, the
// listing's filters, the search page with a query; over http and from file://), records no CSP
// violation and no console error. A control page with an inline script proves the collector hears
// violations, so the test cannot pass by hearing nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { execFileSync } from 'node:child_process';
import { almanacBinary, buildFixture, missingBinary } from '../js/lib/fixture-site.mjs';
import { repositoryRoot } from '../../scripts/lib/search-runtime.mjs';

const skip = missingChromium || missingBinary;
let browser;
let server;
before(async () => {
  if (skip) return;
  browser = await launch();
  server = await serveDirectory(buildFixture('publishing'));
});
after(async () => {
  if (server) await server.close();
  if (browser) await browser.close();
});

// Runs before any page script, from DevTools, so the CSP does not apply to it.
const COLLECTOR = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

async function openPage() {
  const page = await browser.newPage();
  await page.send('Page.addScriptToEvaluateOnNewDocument', { source: COLLECTOR });
  return page;
}

async function violations(page) {
  await new Promise((r) => setTimeout(r, 150)); // violation events are dispatched asynchronously
  // The browser asks every new origin for /favicon.ico on its own; the theme declares none.
  return { csp: await page.evaluate(() => window.__csp), errors: page.errors.filter((e) => !e.includes('/favicon.ico')) };
}

const scenarios = {
  'home, searching as you type': async (page, base) => {
    await page.goto(base + '');
    await page.type('#search-input', 'задержка');
    await page.waitFor('#search-listbox:not([hidden]) [role=option]');
  },
  'reply template: live form and copy button': async (page, base) => {
    await page.goto(base + 'replies/delay/');
    const name = await page.evaluate(() => document.querySelector('input[data-placeholder]')?.dataset.placeholder);
    assert.ok(name, 'the reply template has a form field');
    await page.type(`input[data-placeholder="${name}"]`, 'Анна');
    await page.waitFor((n) => [...document.querySelectorAll('.ph[data-placeholder]')].some((s) => s.textContent === 'Анна'));
    await page.evaluate(() => document.querySelector('#copy-button').click());
    await page.waitFor(() => document.querySelector('.copy-status')?.textContent.length > 0);
  },
  'phone: navigation drawer and reply variant tabs': async (page, base) => {
    await page.send('Emulation.setDeviceMetricsOverride', { width: 375, height: 667, deviceScaleFactor: 1, mobile: true });
    await page.goto(base + 'replies/delay/' + (base.startsWith('file:') ? 'index.html' : ''));
    await page.evaluate(() => document.querySelector('[data-menu-button]').click());
    await page.waitFor(() => document.body.classList.contains('drawer-open'));
    await page.press('Escape');
    await page.waitFor(() => !document.body.classList.contains('drawer-open'));
    const tabs = await page.evaluate(() => document.querySelectorAll('[role=tab]').length);
    if (tabs > 1) {
      await page.focus('[role=tab][aria-selected=true]');
      await page.press('ArrowRight');
      await page.waitFor(() => document.querySelectorAll('[role=tab]')[1].getAttribute('aria-selected') === 'true');
    }
  },
  'listing with filters': async (page, base) => {
    await page.goto(base + 'replies/');
    const shown = () => page.evaluate(() => [...document.querySelectorAll('.listing-items > li')].filter((li) => !li.hidden).length);
    const all = await shown();
    await page.evaluate(() => {
      const select = document.querySelector('select[data-filter]');
      select.value = select.options[1].value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitFor(() => document.querySelectorAll('.listing-items > li[hidden]').length > 0);
    assert.ok(await shown() < all, 'the filter hides items');
    await page.evaluate(() => document.querySelector('.listing-reset').click());
    await page.waitFor(() => document.querySelectorAll('.listing-items > li[hidden]').length === 0);
  },
  'search page with a query': async (page, base) => {
    await page.goto(base + 'search/' + (base.startsWith('file:') ? 'index.html' : '') + '?q=' + encodeURIComponent('заказ'));
    await page.waitFor('.search-results li');
  },
  'case and principle pages': async (page, base) => {
    for (const p of ['cases/outage/', 'principles/speed/', 'playbook/', 'tags/']) {
      await page.goto(base + p + (base.startsWith('file:') ? 'index.html' : ''));
    }
  },
};

for (const [name, run] of Object.entries(scenarios)) {
  test(`no CSP violation or console error over http: ${name}`, { skip }, async () => {
    const page = await openPage();
    await run(page, server.url);
    assert.deepEqual(await violations(page), { csp: [], errors: [] });
  });
}

test('no CSP violation from file:// on the offline build: search page, case, principle, playbook, tags, phone drawer and tabs', { skip }, async () => {
  const base = pathToFileURL(buildFixture('publishing', { offline: true })).href + '/';
  for (const name of ['search page with a query', 'case and principle pages', 'phone: navigation drawer and reply variant tabs']) {
    const page = await openPage();
    await scenarios[name](page, base);
    assert.deepEqual(await violations(page), { csp: [], errors: [] }, name);
  }
});

test('control: the collector hears an inline script and handler that the CSP blocks', { skip }, async () => {
  const site = buildFixture('publishing');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-csp-'));
  try {
    fs.cpSync(site, copy, { recursive: true });
    const file = path.join(copy, 'index.html');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</main>',
      '<script>window.__ran = 1</script><img src="data:," onerror="window.__ran = 2" alt=""></main>'));
    const page = await openPage();
    await page.goto(pathToFileURL(file).href);
    const { csp } = await violations(page);
    assert.ok(csp.some((v) => v.startsWith('script-src')), `violations heard: ${JSON.stringify(csp)}`);
    assert.equal(await page.evaluate(() => window.__ran), undefined, 'the injected script must not run');
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

// Script in a title, a tag and a heading: the search box and the search page show it as text
// (the runtime builds results with textContent), nothing runs, and the CSP records nothing.
test('payloads in titles, tags and headings show as text in search results, from http and file://', { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-csp-payload-'));
  try {
    const site = path.join(dir, 'site');
    fs.mkdirSync(path.join(site, 'content'), { recursive: true });
    fs.symlinkSync(path.join(repositoryRoot, 'templates'), path.join(site, 'templates'));
    fs.writeFileSync(path.join(site, 'almanac.yml'), 'title: Тест\nlanguage: ru\n');
    const payload = '<img src=x onerror="window.__ran=1">кризис<script>window.__ran=2</script>';
    fs.writeFileSync(path.join(site, 'content/_index.md'), '---\ntitle: Главная\n---\n[страница](page.md)\n');
    fs.writeFileSync(path.join(site, 'content/page.md'),
      `---\ntitle: '${payload}'\ntags: ['${payload}']\n---\n## ${payload}\n\nкризис в соцсетях\n`);
    for (const offline of [false, true]) {
      const out = path.join(dir, offline ? 'offline' : 'public');
      execFileSync(almanacBinary, ['build', site, '--output', out, '--quiet', ...(offline ? ['--offline'] : [])], { stdio: 'ignore' });
      const local = offline ? null : await serveDirectory(out);
      try {
        const base = offline ? pathToFileURL(out).href + '/' : local.url;
        const page = await openPage();
        await page.goto(base + (offline ? 'index.html' : ''));
        await page.type('#search-input', 'кризис');
        await page.waitFor('#search-listbox:not([hidden]) [role=option]');
        const clean = async (where) => {
          assert.equal(await page.evaluate(() => window.__ran), undefined, `no payload ran: ${where}`);
          assert.deepEqual(await violations(page), { csp: [], errors: [] }, where);
        };
        const shown = await page.evaluate(() => document.querySelector('#search-listbox').textContent);
        assert.ok(shown.includes('<script>'), `the payload shows as text: ${shown}`);
        await clean('search box');
        await page.goto(base + (offline ? 'search/index.html' : 'search/') + '?q=' + encodeURIComponent('кризис'));
        await page.waitFor('.search-results li');
        assert.ok((await page.evaluate(() => document.querySelector('.search-results').textContent)).includes('<script>'));
        await clean('search page');
        await page.goto(base + (offline ? 'page/index.html' : 'page/'));
        await clean('the page itself');
      } finally {
        if (local) await local.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
