// The two ways pieces reach the engine — fetch over http, <script> twins from file:// — and what
// a query costs in bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import vm from 'node:vm';
import { loadRuntime, diskLoader } from '../../scripts/lib/search-runtime.mjs';
import { buildFixture, missingBinary } from './lib/fixture-site.mjs';

const Almanac = loadRuntime();
const t = (name, fn) => test(name, { skip: missingBinary }, fn);

/** A static server for `root` on 127.0.0.1, recording every request path. */
async function serve(root) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname + url.search);
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}/`, requests, close: () => new Promise((r) => server.close(r)) };
}

/** Just enough of `document` for the script loader: appending a <script> runs its file. */
function fakeDocument(root) {
  const appended = [];
  const head = {
    appendChild(script) {
      appended.push(script.src);
      setTimeout(() => {
        const file = path.join(root, script.src);
        if (!fs.existsSync(file)) return script.onerror?.(new Error('missing'));
        vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
        script.onload?.();
      }, 0);
    },
  };
  return { head, appended, createElement: () => ({ remove() {} }) };
}

t('over http the engine fetches JSON and .bin pieces, with the build id against stale caches', async () => {
  const site = buildFixture('search-site');
  const server = await serve(site);
  try {
    const engine = Almanac.search.createEngine({ load: Almanac.search.fetchLoader(server.base + 'search/') });
    const r = await engine.search('задержка доставки');
    assert.ok(r.results[0].url.startsWith('replies/delay/'), r.results[0].url);
    assert.equal(server.requests[0], '/search/meta.json');
    const build = engine.meta.build;
    assert.match(build, /^[0-9a-f]{16}$/);
    assert.ok(server.requests.slice(1).every((p) => p.endsWith('.bin?v=' + build)), server.requests.join(' '));
  } finally {
    await server.close();
  }
});

t('from file:// the engine loads the same pieces as <script> twins and gets the same answers', async () => {
  const site = buildFixture('search-site', { offline: true });
  const doc = fakeDocument(site);
  const engine = Almanac.search.createEngine({ load: Almanac.search.scriptLoader('search/', { document: doc }) });
  const viaScripts = await engine.search('кризисная коммуникация', { limit: 5 });
  const viaFiles = await Almanac.search.createEngine({ load: diskLoader(site) }).search('кризисная коммуникация', { limit: 5 });
  assert.deepEqual(viaScripts.results, viaFiles.results);
  assert.ok(viaScripts.results.length > 0);
  assert.equal(doc.appended[0], 'search/meta.js');
  assert.ok(doc.appended.every((src) => src.endsWith('.js')));
  const offlineUrls = viaScripts.results.map((x) => x.url);
  assert.ok(offlineUrls.every((u) => u.includes('index.html')), 'offline links name index.html: ' + offlineUrls);
});

t('a missing piece is an error, and the next query retries it', async () => {
  const site = buildFixture('search-site');
  let fail = true;
  const load = diskLoader(site);
  const engine = Almanac.search.createEngine({ load: async (p) => {
    if (fail && p.startsWith('t/')) throw new Error('offline');
    return load(p);
  } });
  await assert.rejects(engine.search('кризис '), /offline/);
  fail = false;
  assert.ok((await engine.search('кризис ')).results.length > 0);
});

t('a query fetches meta, the shards of its words and the fragments it shows — and a repeat fetches nothing', async () => {
  const site = buildFixture('search-site');
  const loaded = [];
  const engine = Almanac.search.createEngine({ load: diskLoader(site, { onLoad: (p, n) => loaded.push([p, n]) }) });
  const r = await engine.search('заказ ', { limit: 2 });
  assert.equal(r.results.length, 2);
  const kinds = loaded.map(([p]) => p.split('/')[0]);
  assert.deepEqual(kinds.filter((k) => k === 'f'), ['f', 'f'], 'fragments only for the results shown');
  assert.ok(!kinds.includes('filter') && !kinds.includes('l'), 'no filter or lexicon piece without a filter or a typo');
  const before = loaded.length;
  await engine.search('заказ ', { limit: 2 });
  assert.equal(loaded.length, before);
  const bytes = loaded.reduce((sum, [, n]) => sum + n, 0);
  const onDisk = loaded.reduce((sum, [p]) => sum + fs.statSync(path.join(site, 'search', p)).size, 0);
  assert.equal(bytes, onDisk, 'the loader reports the bytes a server would send');
});
