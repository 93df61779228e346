// Scores the search of a built site against a judged query set: for each query, the rank of the
// first expected page among the results, through the same engine.js the browser runs.
import fs from 'node:fs';
import path from 'node:path';
import { loadRuntime, diskLoader, runtimeDirectory, repositoryRoot } from './search-runtime.mjs';

export const JUDGED_QUERIES = path.join(repositoryRoot, 'Tests/js/fixtures/judged-queries.json');
/** Everyday situation phrasings, written apart from the synonyms and the templates' asked_as. */
export const EVERYDAY_QUERIES = path.join(repositoryRoot, 'Tests/js/fixtures/everyday-situations.json');
/** Ranks beyond this count as a miss for MRR too: a reader does not scroll further. */
export const DEPTH = 10;

/** Reads {categories: {id: description}, queries: [{q, category, expect: [url…]}]}. */
export function readJudgedQueries(file = JUDGED_QUERIES) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Runs every query as typed (no trailing space: the last word is still being typed, as in the
 * header box) and returns per-query ranks plus hit@5 and MRR per category and overall.
 */
export async function evaluate(siteDir, judged = readJudgedQueries(), options = {}) {
  const Almanac = loadRuntime(runtimeDirectory(siteDir));
  const engine = Almanac.search.createEngine({ load: diskLoader(siteDir) });
  const searchOptions = options.search || {};
  const rows = [];
  for (const item of judged.queries) {
    const response = await engine.search(item.q, { ...searchOptions, limit: DEPTH });
    const urls = response.results.map((r) => r.url.split('#')[0]);
    const ranks = item.expect.map((u) => urls.indexOf(u) + 1).filter((r) => r > 0);
    const rank = ranks.length ? Math.min(...ranks) : 0;
    rows.push({ ...item, rank, top: urls.slice(0, 5), corrected: response.corrected || null });
  }
  const summarize = (list) => ({
    queries: list.length,
    hit1: list.filter((r) => r.rank === 1).length / list.length,
    hit3: list.filter((r) => r.rank > 0 && r.rank <= 3).length / list.length,
    hit5: list.filter((r) => r.rank > 0 && r.rank <= 5).length / list.length,
    mrr: list.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / list.length,
  });
  const categories = {};
  for (const id of Object.keys(judged.categories)) {
    const list = rows.filter((r) => r.category === id);
    if (list.length) categories[id] = summarize(list);
  }
  return { rows, categories, overall: summarize(rows) };
}
