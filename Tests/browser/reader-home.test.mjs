// The reader's way in, in a real browser over http and from file://: the home page's crisis
// console shows its situation tiles on the first screen of a laptop and a phone, a tile leads to
// that situation's templates only, the replies listing starts with its filter, the authors' area
// keeps out of the readers' navigation, and the 404 page is whole at any depth on a plain static
// host (one that answers every missing address with 404.html, as GitHub Pages and Netlify do).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { overflowing } from './lib/layout.mjs';
import { buildBundledSite, missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream' };

/** A static host: folders answer with index.html, anything missing with /404.html and status 404. */
async function staticHost(root) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] }).end(fs.readFileSync(path.join(root, '404.html')));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

let browser, host;
const roots = {};
before(async () => {
  if (skip) return;
  roots.http = buildBundledSite();
  roots.file = buildBundledSite({ offline: true });
  host = await staticHost(roots.http);
  browser = await launch();
});
after(async () => {
  if (host) await host.close();
  if (browser) await browser.close();
});

const modes = {
  http: (p) => host.url + p,
  file: (p) => pathToFileURL(path.join(roots.file, p.replace(/\/$/, '/index.html').replace(/^$/, 'index.html'))).href,
};

async function pageAt(width, height) {
  const page = await browser.newPage();
  await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
  return page;
}

/** Situation tiles wholly inside the first viewport, as {value, href, count}. */
const tilesOnFirstScreen = () => [...document.querySelectorAll('a.situation-tile')]
  .filter((a) => { const r = a.getBoundingClientRect(); return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth; })
  .map((a) => ({ value: a.dataset.situation, href: a.href }));

for (const mode of ['http', 'file']) {
  for (const [width, height] of [[375, 667], [1366, 768]]) {
    test(`home (${mode}, ${width}×${height}): at least six situation links and the first-hour checklist on the first screen`, { skip }, async () => {
      const page = await pageAt(width, height);
      await page.goto(modes[mode](''));
      const tiles = await page.evaluate(tilesOnFirstScreen);
      assert.ok(tiles.length >= 6, `only ${tiles.length} situation links on the first screen`);
      const checklist = await page.evaluate(() => {
        const a = document.querySelector('a.console-checklist');
        const r = a && a.getBoundingClientRect();
        return a ? { inView: r.bottom <= window.innerHeight, href: a.getAttribute('href') } : null;
      });
      assert.ok(checklist && checklist.inView, 'the first-hour checklist is on the first screen');
      assert.match(checklist.href, /first-hour\//);
      // «Своими словами» puts the cursor into the header's search box rather than leaving the page.
      await page.click('[data-focus-search]');
      assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'search-input');
      assert.deepEqual(page.errors, []);
    });
  }

  test(`a situation tile (${mode}) leads to that situation's templates only`, { skip }, async () => {
    const page = await pageAt(1366, 768);
    await page.goto(modes[mode](''));
    const tile = await page.evaluate(() => {
      const a = [...document.querySelectorAll('a.situation-tile')].find((t) => parseInt(t.querySelector('.situation-count').textContent, 10) >= 2);
      return { value: a.dataset.situation, count: parseInt(a.querySelector('.situation-count').textContent, 10), href: a.href };
    });
    await page.goto(tile.href);
    await page.waitFor(() => document.querySelector('select[data-filter-name="situation"]')?.value !== '');
    const shown = await page.evaluate(() => {
      const select = document.querySelector('select[data-filter-name="situation"]');
      const index = select.dataset.filter;
      const visible = [...document.querySelectorAll('.listing-items > li')].filter((li) => !li.hidden && li.getBoundingClientRect().height > 0);
      return { selected: select.value, values: visible.map((li) => li.dataset['f' + index]), total: document.querySelectorAll('.listing-items > li').length };
    });
    assert.equal(shown.selected, tile.value);
    assert.equal(shown.values.length, tile.count, 'as many templates as the tile promised');
    assert.ok(shown.values.every((v) => v.split('|').includes(tile.value)), `only «${tile.value}»: ${shown.values}`);
    assert.ok(shown.total > shown.values.length);
    // Another choice is kept in the address (over http; a page from disk may refuse, and the filter works regardless).
    const after = await page.evaluate(() => {
      const select = document.querySelector('select[data-filter-name="situation"]');
      select.value = select.options[1].value === select.value ? select.options[2].value : select.options[1].value;
      select.dispatchEvent(new Event('change'));
      return { value: select.value, situation: new URLSearchParams(location.search).get('situation') };
    });
    if (mode === 'http') assert.equal(after.situation, after.value);
    assert.deepEqual(page.errors, []);
  });

  test(`the replies listing (${mode}) starts with its filter on a phone's first screen`, { skip }, async () => {
    const page = await pageAt(375, 667);
    await page.goto(modes[mode]('replies/'));
    const y = await page.evaluate(() => {
      const r = document.querySelector('select[data-filter-name="situation"]').getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom };
    });
    assert.ok(y.bottom <= 667, `the situation filter ends at ${y.bottom} px`);
    // The section's own text is still there, folded, and a link to a heading in it opens the fold.
    const folded = await page.evaluate(() => { const d = document.querySelector('details.section-notes'); return d && !d.open && d.querySelector('h2') !== null; });
    assert.ok(folded, 'the instructions are folded above the filter');
    const heading = await page.evaluate(() => document.querySelector('details.section-notes h2').id);
    await page.goto('about:blank');
    await page.goto(modes[mode]('replies/') + '#' + heading);
    await page.waitFor(() => document.querySelector('details.section-notes').open);
  });

  test(`the authors' area (${mode}) is out of the readers' navigation and has its own`, { skip }, async () => {
    const page = await pageAt(1366, 768);
    await page.goto(modes[mode]('principles/'));
    const readers = await page.evaluate(() => ({
      sidebar: [...document.querySelectorAll('.sidebar .nav-list a')].map((a) => a.getAttribute('href')),
      footer: [...document.querySelectorAll('.site-footer a')].map((a) => ({ text: a.textContent, href: a.href })),
    }));
    assert.ok(!readers.sidebar.some((h) => /docs\//.test(h)), `readers' sidebar: ${readers.sidebar}`);
    const authors = readers.footer.find((a) => a.text === 'Для авторов');
    assert.ok(authors, 'the footer links the authors\' area');
    await page.goto(authors.href);
    const inside = await page.evaluate(() => [...document.querySelectorAll('.sidebar .nav-list a')].map((a) => a.href));
    assert.ok(inside.length >= 3 && inside.slice(1).every((h) => /\/docs\//.test(h)), `authors' sidebar: ${inside}`);
    assert.ok(!/\/docs\//.test(inside[0]), 'the first link leads back to the readers');
  });
}

test('a missing nested address on a static host gets the styled 404 page with a working way home', { skip }, async () => {
  const page = await pageAt(375, 667);
  const response = await fetch(host.url + 'a/b/c');
  assert.equal(response.status, 404);
  await page.goto(host.url + 'a/b/c');
  const look = await page.evaluate(() => ({
    sheets: [...document.styleSheets].filter((s) => { try { return s.cssRules.length > 0; } catch { return false; } }).length,
    headerSticky: getComputedStyle(document.querySelector('.site-header')).position,
    search: Boolean(document.querySelector('.site-header input[type=text]')),
    tiles: document.querySelectorAll('a.situation-tile').length,
    home: document.querySelector('.not-found-links a').href,
  }));
  assert.ok(look.sheets >= 2, 'the stylesheets loaded');
  assert.equal(look.headerSticky, 'sticky');
  assert.ok(look.search, 'the header has the search box');
  assert.ok(look.tiles >= 6, 'the situation tiles are offered');
  assert.equal(look.home, host.url);
  await page.click('.not-found-links a');
  await page.waitFor(() => document.querySelector('a.console-checklist') !== null);
  assert.equal(await page.evaluate(() => location.href), host.url);
  // A tile on the 404 page leads to its templates too.
  await page.goto(host.url + 'a/b/c');
  const tile = await page.evaluate(() => document.querySelector('a.situation-tile').href);
  assert.ok(tile.startsWith(host.url + 'replies/?situation='), tile);
  // Typing into its search finds pages: the index loads from the site's root.
  await page.type('#search-input', 'задержка доставки');
  await page.waitFor('[role=option]', { timeout: 8000 });
  assert.deepEqual(page.errors.filter((e) => !/404|Not Found/i.test(e)), []);
});

test('on a laptop, a table of fields keeps each code word whole', { skip }, async () => {
  const page = await pageAt(1366, 768);
  await page.goto(host.url + 'docs/writing/');
  const split = await page.evaluate(() => [...document.querySelectorAll('.content table code')]
    .filter((c) => !/\s/.test(c.textContent) && c.getClientRects().length > 1).map((c) => c.textContent));
  assert.deepEqual(split, [], 'code words split across lines in a table');
});

test('nothing scrolls sideways at 320 px: home, listing, authors\' area, a long address in the text, 404', { skip }, async () => {
  const page = await pageAt(320, 640);
  for (const p of ['', 'replies/', 'docs/', 'docs/writing/', 'docs/publishing/', 'a/b/c']) {
    await page.goto(host.url + p);
    // What a table's own scroll box holds may pass the screen's edge, as a code block's may: the box
    // (.table-wrap, checked here like any element) must fit, and the page must not scroll.
    const wide = await overflowing(page, '.visually-hidden, [hidden], pre, .table-wrap *');
    assert.deepEqual(wide, [], `/${p} overflows`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `/${p} scrolls sideways`);
  }
});
