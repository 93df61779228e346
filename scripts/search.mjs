#!/usr/bin/env node
// Searches a built Almanac site from the terminal through the browser's own engine.
// Usage: scripts/search.mjs SITE_DIR "запрос" [--type reply] [--section S] [--tag T] [--status S]
//        [--channel C] [--scope readers|authors|all] [--limit N]
// The default scope is the readers': the writers' documentation only when nothing else answers.
// Prints one JSON object per result: url, title, heading, score, snippet (matches in <mark>), and
// `corrected` (the query as answered) when it was typed on the wrong keyboard layout, which the
// first line of stderr also says.
import { loadRuntime, diskLoader, runtimeDirectory } from './lib/search-runtime.mjs';

const args = process.argv.slice(2);
const positional = [];
const filters = {};
let limit = 10, scope = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--limit') limit = Number(args[++i]);
  else if (a === '--scope') scope = args[++i];
  else if (/^--(type|section|tag|status|channel)$/.test(a)) (filters[a.slice(2)] ||= []).push(args[++i]);
  else if (a === '-h' || a === '--help') positional.length = 99;
  else positional.push(a);
}
if (positional.length !== 2 || !(limit > 0) || (scope !== null && !['readers', 'authors', 'all'].includes(scope))) {
  console.error('usage: scripts/search.mjs SITE_DIR "запрос" [--type T] [--section S] [--tag T] [--status S] [--channel C] [--scope readers|authors|all] [--limit N]');
  process.exit(2);
}
const [site, query] = positional;
const Almanac = loadRuntime(runtimeDirectory(site));
const engine = Almanac.search.createEngine({ load: diskLoader(site) });
try {
  const { results, partial, corrected, scope: answered } = await engine.search(query, { filters, limit, scope });
  if (corrected) console.error(`Показаны результаты для «${corrected}»`);
  if (answered === 'authors' && scope === null) console.error('Для читателей ничего не нашлось: показана документация для авторов.');
  if (partial) console.error('Показаны частичные совпадения: не все слова запроса нашлись на одной странице.');
  for (const r of results) {
    console.log(JSON.stringify({
      url: r.url, title: r.title, heading: r.heading, score: r.score, type: r.type,
      ...(r.label ? { label: r.label } : {}),
      ...(r.sections && r.sections.length ? { sections: r.sections.map((x) => x.url) } : {}),
      snippet: Almanac.search.partsToHTML(r.snippet),
      ...(corrected ? { corrected } : {}),
    }));
  }
} catch (error) {
  console.error(`search.mjs: ${error.message}`);
  process.exit(1);
}
