/* Almanac search, the index as the engine reads it: meta.json checked and unpacked, each piece
 * loaded once (inflated when the index is compressed), the shard a term lies in, postings and
 * idf. Knows nothing of queries. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});
  const { inflate, Shard, parseLexicon, parseFragment, parseFilter } = Almanac.searchPieces;
  const { mainScript } = Almanac.searchQuery;
  const SUPPORTED_MAJOR = 1;

  /** The index `load(path)` brings piece by piece; `meta` and `analyzer` are there once `ready()` is. */
  function openIndex(load) {
    if (typeof load !== 'function') throw new Error('createEngine needs a load(path) function');
    const cache = new Map();
    let meta = null, analyzer = null, metaPromise = null;

    function piece(path, parse) {
      let p = cache.get(path);
      if (!p) {
        p = (async () => {
          const data = await load(path);
          if (path.endsWith('.json')) return parse(data);
          return parse(meta.compression === 'deflate' ? await inflate(data) : data);
        })();
        p.catch(() => cache.delete(path));
        cache.set(path, p);
      }
      return p;
    }

    async function ready() {
      if (!metaPromise) {
        metaPromise = (async () => {
          const m = await load('meta.json');
          const major = parseInt(String(m.version || '').split('.')[0], 10);
          if (m.format !== 'almanac-search' || major !== SUPPORTED_MAJOR) {
            throw new Error(`Индекс поиска версии ${m.version || '?'} не подходит к этим скриптам поиска ` +
              `(ожидалась версия ${SUPPORTED_MAJOR}.x). Пересоберите сайт той же версией Almanac.`);
          }
          const words = (text) => (text ? text.split(' ') : []);
          meta = { ...m, shards: m.shards.split(' '), lexicons: words(m.lexicons), stopwords: words(m.stopwords) };
          meta.weak = new Set(words(m.weak));
          meta.channels = m.channels || [];
          meta.authors = new Uint8Array(m.documents);
          for (const r of words(m.authors)) {
            const [a, b = a] = r.split('-').map(Number);
            for (let d = a; d <= b && d < m.documents; d++) meta.authors[d] = 1;
          }
          meta.hasAuthors = meta.authors.some((x) => x);
          meta.script = mainScript(meta.shards);
          analyzer = Almanac.normalize.createAnalyzer({ stopwords: meta.stopwords, languages: m.languages });
          return meta;
        })();
        metaPromise.catch(() => (metaPromise = null));
      }
      return metaPromise;
    }

    function shardOf(term) {
      const b = meta.shards;
      let lo = 0, hi = b.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (b[mid] <= term) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }
    const loadShard = (i) => piece(`t/${i}.bin`, (b) => new Shard(b));
    const loadFragment = (d) => piece(`f/${d}.bin`, parseFragment);
    const loadFilter = (facet) => piece(`filter/${facet}.bin`, (b) => parseFilter(b, meta.documents));
    const loadLexicon = (key) => piece(`l/${key}.bin`, parseLexicon);

    async function postingsOf(term) {
      const shard = await loadShard(shardOf(term));
      const i = shard.find(term);
      return i < 0 ? null : shard.postings(i);
    }

    function idf(df) {
      return Math.log(1 + (meta.documents - df + 0.5) / (df + 0.5));
    }

    /** Every facet's values [[value, label, pageCount]] for filter controls (search/facets.json). */
    function facets() {
      return ready().then(() => piece('facets.json', (x) => x));
    }

    return {
      ready, facets, shardOf, loadShard, loadFragment, loadFilter, loadLexicon, postingsOf, idf,
      get meta() { return meta; },
      get analyzer() { return analyzer; },
    };
  }

  Almanac.searchIndex = { openIndex };
})(globalThis);
