/* Almanac search engine: answers a query over the index an injected loader brings (loaders.js,
 * index.js): the query's clauses (clauses.js) scored page by page, the pages every topic word
 * matches ranked (or, for a question, those that miss a wrapping word), a wrong keyboard layout
 * or a typo answered as meant, and the results cut for the reader (results.js). No DOM: the same
 * classic scripts run in the browser (also from file://) and in Node (scripts/search.mjs, the
 * tests). Index format: docs/search-index.md. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});
  const { LIMITS, WEIGHT } = Almanac.searchLimits;
  const { fetchLoader, scriptLoader } = Almanac.searchLoaders;
  const { scriptOf, otherLayout, parseQuery } = Almanac.searchQuery;
  const { openIndex } = Almanac.searchIndex;
  const { clausesOf, expandFamily, expandPrefix, expandTypos } = Almanac.searchClauses;
  const { checkBudget, checkPhrases, present, partsToHTML } = Almanac.searchResults;

  function createEngine({ load }) {
    const index = openIndex(load);

    /**
     * Loads the postings of every alternative and keeps, per page, the clause's best score and
     * which alternative gave it. Typed arrays indexed by page: Maps were the slowest part of a query.
     */
    async function scoreClause(clause) {
      const n = index.meta.documents;
      const scores = new Float64Array(n), best = new Int16Array(n).fill(-1), docs = [];
      const postings = await Promise.all(clause.alternatives.map((alt) => Promise.all(alt.terms.map(index.postingsOf))));
      // A synonym never weighs more than the word typed: «инцидент» is rarer than «кризис», and
      // its idf would put pages that say «инцидент» above the page titled with the word itself.
      const idfSum = (lists) => lists.reduce((sum, l) => sum + index.idf(l.docs.length), 0);
      const typed = clause.alternatives.map((alt, a) => (alt.weight === WEIGHT.exact && postings[a].every(Boolean) ? idfSum(postings[a]) : 0));
      const typedIdf = Math.max(0, ...typed);
      for (let a = 0; a < clause.alternatives.length; a++) {
        const alt = clause.alternatives[a];
        const lists = postings[a];
        if (lists.some((l) => !l)) continue;
        alt.found = true;
        const cap = alt.weight === WEIGHT.synonym && typedIdf > 0 ? Math.min(1, typedIdf / idfSum(lists)) : 1;
        const weights = lists.map((l) => index.idf(l.docs.length) * alt.weight * cap);
        // Walk the shortest list, look the page up in the others.
        const order = lists.map((l, i) => i).sort((x, y) => lists[x].docs.length - lists[y].docs.length);
        const base = lists[order[0]], w0 = weights[order[0]];
        for (let k = 0; k < base.docs.length; k++) {
          const d = base.docs[k];
          let sc = w0 * base.impacts[k];
          let all = true;
          for (let j = 1; j < order.length && all; j++) {
            const l = lists[order[j]];
            const at = indexOf(l.docs, d);
            if (at < 0) all = false;
            else sc += weights[order[j]] * l.impacts[at];
          }
          if (!all || sc <= scores[d]) continue;
          if (best[d] < 0) docs.push(d);
          scores[d] = sc;
          best[d] = a;
        }
      }
      clause.scores = scores;
      clause.best = best;
      clause.docs = docs;
    }

    async function matchingFilters(filters) {
      const tests = [];
      for (const facet of Object.keys(filters || {})) {
        const wanted = [].concat(filters[facet]).filter((v) => v !== '' && v != null).map(String);
        if (!wanted.length) continue;
        const values = ((await index.facets())[facet] || []).map((v) => v[0]);
        const members = await index.loadFilter(facet);
        const chosen = wanted.map((v) => members[values.indexOf(v.toLowerCase())] || members[values.indexOf(v)]).filter(Boolean);
        tests.push((d) => chosen.some((has) => has(d)));
      }
      return tests.length ? (d) => tests.every((t) => t(d)) : null;
    }

    /**
     * Answers a query: {results, total, partial, query, corrected}. Options: filters {type, section,
     * tag, status} (values OR within a facet, AND across), limit, offset, layout (false: never read
     * the query on the other keyboard layout). `corrected` is the query answered instead, or null.
     */
    async function search(query, { filters = {}, limit = 10, offset = 0, layout = true, scope = null } = {}) {
      const meta = await index.ready();
      const asked = scope;
      scope = scope || 'readers';
      const parsed = parseQuery(query || '');
      const clauses = clausesOf(index, parsed.words);
      if (!clauses.length) return { results: [], total: 0, partial: false, query, corrected: null };

      await Promise.all(clauses.map((c) => (c.prefix ? expandPrefix(index, c) : expandFamily(index, c))));
      await Promise.all(clauses.map(scoreClause));
      // Typed on the wrong keyboard layout («ytufnbd» for «негатив»): answer the query as meant,
      // and say so. Checked before typos, which would guess from the wrong letters; a word in the
      // site's own script is checked with typos forgiven (layoutCorrection).
      const swapped = layout && clauses.some((c) => c.docs.length <= LIMITS.rareWord) ? await layoutCorrection(query) : null;
      if (swapped) return { ...(await search(swapped, { filters, limit, offset, layout: false, scope: asked })), query, corrected: swapped };
      // A word nothing matches is probably misspelt; so is one a page or two match when a word one
      // letter away is common (the typo that made it into a page: «эмпатея»).
      const missing = clauses.filter((c) => c.docs.length <= LIMITS.rareWord && c.words.length === 1);
      if (missing.length) {
        await Promise.all(missing.map((c) => expandTypos(index, c)));
        await Promise.all(missing.map(scoreClause));
      }

      const filtered = await matchingFilters(filters);
      // The readers' search leaves the writers' documentation out unless asked (scope 'all' or
      // 'authors'), or unless nothing else answers (see below).
      const inScope = !meta.hasAuthors || scope === 'all' ? null
        : scope === 'authors' ? (d) => meta.authors[d] === 1 : (d) => meta.authors[d] === 0;
      const accept = filtered && inScope ? (d) => inScope(d) && filtered(d) : filtered || inScope;
      const n = meta.documents;
      // Words that carry the topic are required; weak words («написать», «клиент») and channel
      // names only add to the score. A query of nothing else keeps them required.
      let required = clauses.filter((c) => !c.weak && !c.channel);
      if (!required.length) required = clauses.filter((c) => !c.channel);
      if (!required.length) required = clauses;
      for (const c of clauses) c.required = required.includes(c);
      const factor = (c) => (c.required ? 1 : c.weak ? LIMITS.weakWeight : LIMITS.channelTextWeight);
      // matched[d]: how many required clauses page d matches; union: pages matching any, in first-seen order.
      const total = new Float64Array(n), matched = new Uint8Array(n), seen = new Uint8Array(n), union = [];
      for (const c of clauses) {
        const f = factor(c);
        for (const d of c.docs) {
          if (accept && !accept(d)) continue;
          if (!seen[d]) union.push(d), (seen[d] = 1);
          total[d] += c.scores[d] * f;
          if (c.required) matched[d]++;
        }
      }
      // A channel the query names is a soft filter: its pages first, the others still there.
      const channels = clauses.filter((c) => c.channel && !c.required).map((c) => c.channel);
      if (channels.length) {
        const serves = await channelTests(channels);
        if (serves) for (const d of union) if (serves(d)) total[d] *= LIMITS.channelBoost;
      }
      const needed = required.length;
      let ranked = union.filter((d) => matched[d] === needed);
      let partial = ranked.length === 0 && union.length > 0;
      let key = (d) => matched[d] * 1e9 + total[d];
      if (partial) ranked = union;
      else if ((needed >= LIMITS.looseFrom || (needed === 2 && ranked.length < LIMITS.fewFull)) && !parsed.phrases.length) {
        // A question or a whole sentence names its subject in a few words and wraps it in others
        // («что писать в первый час кризиса»): the page about the subject may lack a wrapping word
        // (two in a sentence of six or more). Such pages compete, their score cut by the share of
        // the query's weight (idf) they miss, squared.
        const weights = required.map((c) => index.idf(c.docs.length));
        const sum = weights.reduce((a, b) => a + b, 0);
        const covered = new Float64Array(n);
        required.forEach((c, i) => { for (const d of c.docs) covered[d] += weights[i] / sum; });
        const spare = needed >= 6 ? 2 : 1;
        ranked = union.filter((d) => matched[d] >= needed - spare);
        key = (d) => total[d] * covered[d] * covered[d];
      }
      const wanted = offset + limit + (parsed.phrases.length ? checkBudget(limit) : 0);
      ranked = topRanked(ranked, key, wanted);

      let pageDocs = ranked.slice(offset, offset + limit), count = partial ? union.length : ranked.total;
      if (parsed.phrases.length && !partial) {
        const checked = await checkPhrases(index, ranked, parsed.phrases, offset, limit, count);
        // No page has the phrase as written: its words, scattered, are the best partial match.
        if (checked.count > 0) ({ pageDocs, count } = checked);
        else partial = true;
      }
      // Nothing for readers, but the writers' documentation answers («front matter»): show it,
      // saying where it comes from (scope 'authors' in the response).
      if (!asked && count === 0 && meta.hasAuthors && !pageDocs.length) {
        const theirs = await search(query, { filters, limit, offset, layout, scope: 'authors' });
        if (theirs.results.length) return { ...theirs, scope: 'authors' };
      }
      const results = await Promise.all(pageDocs.map((d) => present(index, d, clauses, total[d] * meta.scoring.impactScale, partial)));
      return { results, total: count, partial, query, corrected: null, scope };
    }

    /** Membership test of the pages that serve any of `channels` (values of the channel facet). */
    async function channelTests(channels) {
      const values = ((await index.facets()).channel || []).map((v) => v[0]);
      if (!values.length) return null;
      const members = await index.loadFilter('channel');
      const tests = channels.map((c) => members[values.indexOf(c)]).filter(Boolean);
      return tests.length ? (d) => tests.some((t) => t(d)) : null;
    }

    /** How many pages match every word of `text` alone, and whether each word matched whole (not
     *  only as the start of longer words); null when it has nothing to search (stop words). */
    async function matchesOf(text, typing, typos = false) {
      const words = clausesOf(index, parseQuery(text + (typing ? '' : ' ')).words);
      if (!words.length) return null;
      await Promise.all(words.map((c) => (c.prefix ? expandPrefix(index, c) : null)));
      await Promise.all(words.map(scoreClause));
      const missing = typos ? words.filter((c) => c.docs.length === 0 && c.words.length === 1) : [];
      if (missing.length) {
        await Promise.all(missing.map((c) => expandTypos(index, c)));
        await Promise.all(missing.map(scoreClause));
      }
      let docs = words[0].docs;
      for (const c of words.slice(1)) docs = docs.filter((d) => c.best[d] >= 0);
      const whole = words.every((c) => c.alternatives.some((a) => a.found && a.weight !== WEIGHT.prefix));
      return { count: docs.length, whole };
    }

    /**
     * The query with each word group (between spaces) that finds nothing, or clearly less than its
     * twin on the other keyboard layout, swapped for the twin; null if none is. A real word the
     * index holds (fetch, SMM) stays: its twin is gibberish, found nowhere.
     * Stop words between swapped words follow them, so «rhbpbc b cjwctnb» reads «кризис и соцсети».
     */
    async function layoutCorrection(query) {
      const chunks = query.split(/(\s+)/);
      const swap = new Array(chunks.length).fill(false), idle = [];
      let any = false;
      for (let i = 0; i < chunks.length; i += 2) {
        const twin = chunks[i] ? otherLayout(chunks[i]) : null;
        if (!twin) continue;
        const typing = i === chunks.length - 1;
        // A word in the site's own script that a page or two hold, or a typo away, is far more
        // likely a rare word than a slip of layout: its twin is not even looked up (that costs a
        // shard, and rare words are common). A word in the other script gets the full check.
        const native = scriptOf(chunks[i]) === index.meta.script;
        const mine = await matchesOf(chunks[i], typing, native);
        if (native && mine && mine.count > 0) continue;
        const theirs = await matchesOf(twin, typing);
        if (!theirs) {
          if (!mine) idle.push(i);
          continue;
        }
        if (theirs.count === 0) continue;
        // A word on a page or two may be the slip itself written down (this very example on a help
        // page): its twin wins when it is far more common, or, while typed, when the word only
        // begins longer ones and the twin is whole.
        swap[i] = !mine || mine.count === 0 || (mine.count <= LIMITS.rareWord && theirs.whole
          && (theirs.count >= LIMITS.rareWordRatio * mine.count || (typing && !mine.whole && theirs.count >= mine.count)));
        any = any || swap[i];
      }
      if (!any) return null;
      for (const i of idle) swap[i] = true;
      return chunks.map((c, i) => (swap[i] ? otherLayout(c) : c)).join('');
    }

    /**
     * The best `k` pages by `key` (more matched words, then score; or a question's cut score),
     * ties in page order. Thousands of pages can match a common word; sorting all of them would dominate the query.
     */
    function topRanked(docs, key, k) {
      let pool = docs;
      if (docs.length > 4 * k) {
        const keys = Float64Array.from(docs, key).sort();
        const threshold = keys[keys.length - k];
        pool = docs.filter((d) => key(d) >= threshold);
      }
      pool.sort((a, b) => key(b) - key(a) || a - b);
      pool.total = docs.length;
      return pool;
    }

    return {
      search,
      ready: index.ready,
      facets: index.facets,
      get meta() { return index.meta; },
    };
  }

  function indexOf(sorted, value) {
    let lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = sorted[mid];
      if (v === value) return mid;
      if (v < value) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  Almanac.search = { createEngine, fetchLoader, scriptLoader, partsToHTML, LIMITS };
})(globalThis);
