#!/usr/bin/env node
// What a reader's search costs on a built site: bytes fetched by a first query (runtime scripts
// included) and by later ones, as served — no transport compression — and query latency in
// Node with the pieces already loaded. Runs the browser's own engine (scripts/lib/search-runtime.mjs).
//
//   node Benchmarks/search-bytes.mjs SITE_OUTPUT_DIR [--runs 20] [--limit 10] [--json]
//
// --limit is the results shown per query: 10 on the search page, 7 in the header's list.
// SITE_OUTPUT_DIR is what `almanac build` wrote (it has search/ and assets/search/).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadRuntime, diskLoader, runtimeDirectory } from '../scripts/lib/search-runtime.mjs';

const args = process.argv.slice(2);
const site = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = option('--runs', 20);
const limit = option('--limit', 10);
const asJSON = args.includes('--json');
if (!site || !fs.existsSync(path.join(site, 'search/meta.json'))) {
  console.error('usage: node Benchmarks/search-bytes.mjs SITE_OUTPUT_DIR [--runs N] [--json]');
  process.exit(2);
}

// Queries a reader of a crisis-communication knowledge base types; one with a typo, one phrase.
const QUERIES = [
  'кризисная коммуникация',
  'ответ на негативный отзыв',
  'жалоба клиента',
  'шаблон ответа',
  'репутация компании',
  'публичное заявление',
  'модерация комментариев',
  'Telegram',
  'коммуникацыя',
  '"официальный ответ"',
  'быстрый ответ на жалобу',
  'утечка данных',
];

const scriptDir = runtimeDirectory(site);
const Almanac = loadRuntime(scriptDir);
const RUNTIME = ['stem-ru.js', 'stem-en.js', 'normalize.js', 'pieces.js', 'loaders.js', 'query.js', 'limits.js', 'index.js', 'clauses.js', 'results.js', 'engine.js', 'ui.js'];
const runtimeBytes = RUNTIME.reduce((sum, f) => sum + fs.statSync(path.join(scriptDir, f)).size, 0);
const meta = JSON.parse(fs.readFileSync(path.join(site, 'search/meta.json'), 'utf8'));

function engineWithLog() {
  const log = [];
  const engine = Almanac.search.createEngine({ load: diskLoader(site, { onLoad: (p, n) => log.push({ p, n }) }) });
  return { engine, log };
}
const sum = (log, from = 0) => log.slice(from).reduce((s, e) => s + e.n, 0);
const kib = (n) => (n / 1024).toFixed(1);

async function measure() {
  const first = [];
  for (const q of QUERIES) {
    const { engine, log } = engineWithLog();
    const r = await engine.search(q, { limit });
    first.push({ query: q, results: r.results.length, total: r.total, requests: log.length + RUNTIME.length, bytes: sum(log) + runtimeBytes });
  }

  // Typed key by key on a cold page: every keystroke searches (the UI debounces, so this is the worst case).
  const typed = [];
  for (const q of QUERIES.slice(0, 4)) {
    const { engine, log } = engineWithLog();
    for (let i = 1; i <= q.length; i++) await engine.search(q.slice(0, i), { limit: 7 });
    typed.push({ query: q, requests: log.length + RUNTIME.length, bytes: sum(log) + runtimeBytes });
  }

  // One session, query after query: what each later query adds.
  const later = [];
  {
    const { engine, log } = engineWithLog();
    await engine.search('как отвечать на критику', { limit });
    for (const q of QUERIES) {
      const before = log.length;
      await engine.search(q, { limit });
      later.push({ query: q, requests: log.length - before, bytes: sum(log, before) });
    }
  }

  // Latency with everything loaded: the whole search() — parse, score, rank, snippets.
  const { engine } = engineWithLog();
  for (const q of QUERIES) await engine.search(q, { limit });
  const times = [];
  for (let k = 0; k < runs; k++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      await engine.search(q, { limit });
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { first, typed, later, latency: { p50: pct(0.5), p95: pct(0.95), max: times[times.length - 1], samples: times.length } };
}

const m = await measure();
const max = (rows) => Math.max(...rows.map((r) => r.bytes));
const summary = {
  site, limit, documents: meta.documents, shards: meta.shards.split(' ').length, runtimeBytes,
  firstQueryMaxBytes: max(m.first), typedFirstQueryMaxBytes: max(m.typed), laterQueryMaxBytes: max(m.later),
  latencyMs: { p50: +m.latency.p50.toFixed(2), p95: +m.latency.p95.toFixed(2), max: +m.latency.max.toFixed(2) },
  ...m,
};
if (asJSON) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  console.log(`## Search on ${meta.documents} pages (${meta.shards.split(' ').length} term shards), ${limit} results per query, runtime scripts ${kib(runtimeBytes)} KiB\n`);
  console.log('| query | results | first query: requests / KiB | later query: requests / KiB |');
  console.log('|---|---:|---:|---:|');
  m.first.forEach((f, i) => {
    const l = m.later[i];
    console.log(`| ${f.query.replace(/\|/g, '\\|')} | ${f.total} | ${f.requests} / ${kib(f.bytes)} | ${l.requests} / ${kib(l.bytes)} |`);
  });
  console.log(`\nTyped key by key on a cold page (worst case, no debounce): ` +
    m.typed.map((t) => `«${t.query}» ${t.requests} req / ${kib(t.bytes)} KiB`).join('; '));
  console.log(`\nMax first query ${kib(summary.firstQueryMaxBytes)} KiB (budget 250), max later query ` +
    `${kib(summary.laterQueryMaxBytes)} KiB (budget 60).`);
  console.log(`Latency with pieces loaded (${m.latency.samples} queries): p50 ${summary.latencyMs.p50} ms, ` +
    `p95 ${summary.latencyMs.p95} ms, max ${summary.latencyMs.max} ms.`);
}
