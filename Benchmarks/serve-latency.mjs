#!/usr/bin/env node
// Edit-to-reload latency of `almanac serve`: how long after a writer saves a page body the open
// page learns it must reload (the SSE `reload` event), and when the new text can be fetched.
//
//   node Benchmarks/serve-latency.mjs SITE_DIR [--edits 30] [--warmup 3] [--interval 600]
//        [--bin .build/release/almanac] [--json]
//
// SITE_DIR is copied to a temporary folder first (the writer's files are never edited). Each edit
// appends a paragraph with a unique marker to a different regular page (no title, description or
// link changes: the body-only case). Prints p50/p95/max of both figures and of the server's own
// rebuild time, read from its log. Loopback only; bounded by --edits and a 20 s timeout per edit.
// For bench.sh: `node Benchmarks/serve-latency.mjs "$SITE" --json` prints one JSON line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const flag = (name) => { const i = args.indexOf(name); if (i >= 0) args.splice(i, 1); return i >= 0; };
const edits = Number(option('--edits', 30));
const warmup = Number(option('--warmup', 3));
const interval = Number(option('--interval', 600));
const binary = path.resolve(option('--bin', path.join(root, '.build/release/almanac')));
const asJSON = flag('--json');
const site = args[0];
if (!site || !fs.existsSync(path.join(site, 'almanac.yml'))) {
  console.error('usage: node Benchmarks/serve-latency.mjs SITE_DIR [--edits N] [--warmup N] [--interval MS] [--bin PATH] [--json]');
  process.exit(2);
}
if (!fs.existsSync(binary)) {
  console.error(`no almanac binary at ${binary} (swift build -c release --product almanac, or --bin)`);
  process.exit(2);
}

// A private copy; a site without its own theme gets the repository's, as bench.sh does.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-serve-latency-'));
const copy = path.join(work, 'site');
fs.cpSync(site, copy, { recursive: true, dereference: true, filter: (p) => !/\/(public|\.git)$/.test(p) });
if (!fs.existsSync(path.join(copy, 'templates'))) fs.cpSync(path.join(root, 'templates'), path.join(copy, 'templates'), { recursive: true });

/** Regular pages without slug, aliases or drafts, spread over the site. */
function pickPages(count) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name !== '_index.md') {
        const text = fs.readFileSync(full, 'utf8');
        if (!/^(slug|aliases|draft):/m.test(text.split('\n---')[0])) found.push(full);
      }
    }
  };
  walk(path.join(copy, 'content'));
  const step = Math.max(1, Math.floor(found.length / count));
  const chosen = [];
  for (let i = 0; chosen.length < count; i = (i + step) % found.length) {
    chosen.push(found[i]);
    if (chosen.length >= found.length) break;
  }
  return chosen;
}

const started = performance.now();
const server = spawn(binary, ['serve', copy, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
const rebuildTimes = [];
server.stderr.on('data', (chunk) => {
  log += chunk;
  for (const m of String(chunk).matchAll(/^↻ .*, (\d+) мс/gm)) rebuildTimes.push(Number(m[1]));
});
const cleanup = () => { server.kill('SIGTERM'); fs.rmSync(work, { recursive: true, force: true }); };
process.on('exit', cleanup);

const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('serve did not start in 10 minutes\n' + log)), 600000);
  const check = () => {
    const m = log.match(/Просмотр: (http:\/\/127\.0\.0\.1:\d+\/)/);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  };
  server.stderr.on('data', check);
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}\n${log}`)));
});
const startup = performance.now() - started;

// The event stream, as the page's EventSource reads it.
const waiting = [];
const stream = await fetch(url + '__almanac/events');
(async () => {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of stream.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      if (!event) continue;
      const at = performance.now();
      for (const w of [...waiting]) w(event, data ? JSON.parse(data) : null, at);
    }
  }
})().catch(() => {});

function nextEvent(predicate, timeout = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { waiting.splice(waiting.indexOf(listener), 1); reject(new Error('no reload within 20 s')); }, timeout);
    const listener = (event, data, at) => {
      if (!predicate(event, data)) return;
      clearTimeout(timer);
      waiting.splice(waiting.indexOf(listener), 1);
      resolve({ event, data, at });
    };
    waiting.push(listener);
  });
}

const pages = pickPages(edits + warmup);
const eventTimes = [], visibleTimes = [];
for (let i = 0; i < pages.length; i++) {
  const file = pages[i];
  const relative = path.relative(path.join(copy, 'content'), file).split(path.sep).join('/');
  const pageURL = '/' + relative.replace(/\.md$/, '') + '/';
  const marker = `Правка для замера ${i} ${Math.random().toString(36).slice(2, 8)}.`;
  const text = fs.readFileSync(file, 'utf8');
  const reload = nextEvent((event, data) => event === 'reload' && (!data.pages || data.pages.includes(decodeURI(pageURL)))
    || event === 'problems');
  const t0 = performance.now();
  fs.writeFileSync(file, text + `\n\n${marker}\n`);
  const { event, at } = await reload;
  if (event === 'problems') throw new Error(`edit of ${relative} reported problems:\n${log.slice(-2000)}`);
  let visible;
  for (;;) {
    const html = await (await fetch(url + encodeURI(pageURL.slice(1)))).text();
    if (html.includes(marker)) { visible = performance.now(); break; }
    if (performance.now() - t0 > 20000) throw new Error(`marker never appeared on ${pageURL}`);
    await new Promise((r) => setTimeout(r, 2));
  }
  if (i >= warmup) {
    eventTimes.push(at - t0);
    visibleTimes.push(visible - t0);
  }
  await new Promise((r) => setTimeout(r, interval));
}

const pct = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (list) => ({ p50: +pct(list, 50).toFixed(1), p95: +pct(list, 95).toFixed(1), max: +Math.max(...list).toFixed(1) });
const pageCount = (log.match(/Собрано: страниц (\d+)/) || [])[1];
const result = {
  site: path.resolve(site), pages: Number(pageCount), edits: eventTimes.length, startupSeconds: +(startup / 1000).toFixed(2),
  reloadEventMs: summary(eventTimes), pageUpdatedMs: summary(visibleTimes),
  serverRebuildMs: rebuildTimes.length > warmup ? summary(rebuildTimes.slice(warmup)) : null,
};
if (asJSON) {
  console.log(JSON.stringify(result));
} else {
  console.log(`almanac serve ${result.site}: ${result.pages} pages, first build and listen ${result.startupSeconds} s, ${result.edits} body edits`);
  console.log(`  reload event   p50 ${result.reloadEventMs.p50} ms   p95 ${result.reloadEventMs.p95} ms   max ${result.reloadEventMs.max} ms`);
  console.log(`  page updated   p50 ${result.pageUpdatedMs.p50} ms   p95 ${result.pageUpdatedMs.p95} ms   max ${result.pageUpdatedMs.max} ms`);
  if (result.serverRebuildMs) {
    console.log(`  server rebuild p50 ${result.serverRebuildMs.p50} ms   p95 ${result.serverRebuildMs.p95} ms   max ${result.serverRebuildMs.max} ms`);
  }
}
stream.body.cancel().catch(() => {});
process.exit(0);
