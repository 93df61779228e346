#!/usr/bin/env node
// Search quality of a built site on the judged query set (Tests/js/fixtures/judged-queries.json):
// hit@5 and MRR@10 per category and overall, through the browser's own engine.
// Without --queries it runs both bundled sets: the judged words set and the everyday situations.
// Usage: scripts/search-quality.mjs SITE_OUTPUT [--queries FILE]… [--misses] [--json]
import { evaluate, readJudgedQueries, JUDGED_QUERIES, EVERYDAY_QUERIES } from './lib/search-quality.mjs';

const args = process.argv.slice(2);
let site = null, misses = false, json = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--queries') files.push(args[++i]);
  else if (args[i] === '--misses') misses = true;
  else if (args[i] === '--json') json = true;
  else if (!site && !args[i].startsWith('-')) site = args[i];
  else site = null, args.length = 0;
}
if (!site) {
  console.error('usage: scripts/search-quality.mjs SITE_OUTPUT [--queries FILE] [--misses] [--json]');
  process.exit(2);
}
if (!files.length) files.push(JUDGED_QUERIES, EVERYDAY_QUERIES);
try {
  const out = [];
  for (const file of files) {
    const judged = readJudgedQueries(file);
    const report = await evaluate(site, judged);
    if (json) {
      out.push({ file, categories: report.categories, overall: report.overall });
    } else {
      const f = (x) => x.toFixed(3);
      const line = (name, s) => `${name.padEnd(12)} ${String(s.queries).padStart(4)}  ${f(s.hit1)}  ${f(s.hit3)}  ${f(s.hit5)}  ${f(s.mrr)}`;
      console.log(`${'category'.padEnd(12)} ${'n'.padStart(4)}  hit@1  hit@3  hit@5  MRR`);
      for (const [id, s] of Object.entries(report.categories)) console.log(line(id, s));
      console.log(line('overall', report.overall));
    }
    for (const r of report.rows) {
      if (misses && (r.rank === 0 || r.rank > 1)) {
        console.error(`${r.rank === 0 ? 'MISS' : 'rank ' + r.rank} [${r.category}] ${r.q}${r.corrected ? ' → ' + r.corrected : ''}` +
          ` — want ${r.expect.join(', ')}; got ${r.top.join(', ')}`);
      }
    }
  }
  if (json) console.log(JSON.stringify(files.length === 1 ? out[0] : out));
} catch (error) {
  console.error(`search-quality.mjs: ${error.message}`);
  process.exit(1);
}
