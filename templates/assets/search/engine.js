/* Almanac search engine: answers queries over the index pieces an injected loader brings
 * (loaders.js), ranks, and cuts snippets; pieces.js reads the bytes, query.js the query. No DOM:
 * the same files run in the browser (classic scripts, also from file://) and in Node
 * (scripts/search.mjs, the tests). Index format: docs/search-index.md. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});
  const { inflate, Shard, parseLexicon, parseFragment, parseFilter } = Almanac.searchPieces;
  const { fetchLoader, scriptLoader } = Almanac.searchLoaders;
  const { withinEdits, withinOneEdit, scriptOf, mainScript, otherLayout, parseQuery } = Almanac.searchQuery;
  const SUPPORTED_MAJOR = 1;

  const LIMITS = {
    /** A word typed last matches as a prefix once it has this many characters: two-letter
     *  prefixes span many shards and rarely say what the reader wants. */
    prefixMinLength: 3,
    /** …and only if its completions lie in this many shards: "к" would pull half the index. */
    prefixMaxShards: 2,
    /** Completions kept for a prefix, most frequent first. */
    prefixMaxTerms: 24,
    /** Words at least this long forgive one typo (edit distance 1, transpositions included)… */
    typoMinLength: 5,
    /** …and words at least this long two («замыкенте» → «замыкание»). */
    twoTyposMinLength: 8,
    typoMaxTerms: 3,
    /** A word on at most this many pages may be a typo too, if a word one edit away is on… */
    rareWord: 2,
    /** …at least this many times as many pages. */
    rareWordRatio: 5,
    /** A whole word's stem this long also matches stems a few letters longer from its own shard:
     *  the stemmer leaves a verb and its noun apart (извиниться → извин, извинение → извинен). */
    familyMinLength: 5,
    familyExtraLetters: 3,
    familyMaxTerms: 4,
    /** At most this many candidates per requested result are checked for a quoted phrase. */
    phraseChecksPerResult: 1.5,
    snippetWords: 26,
    /** A query of this many words or more also ranks pages that lack one of them (a question). */
    looseFrom: 3,
    /** …and so does a query of two words, when fewer pages than this hold both: one of them is
     *  often a verb the answer does not use («подаст в суд»). */
    fewFull: 3,
    /** A weak word (almanac.yml search.weak_words: «написать», «клиент») counts this share of its
     *  score and is never required. */
    weakWeight: 0.3,
    /** A page that serves the channel a query names (ВК, на ВБ) has its score multiplied by this. */
    channelBoost: 1.3,
    /** …and the channel's name in a page's text counts this share: that a page mentions
     *  Telegram says little about whether it answers a situation there. */
    channelTextWeight: 0.3,
    /** A result lands on the page itself, not a section, when its title, label or phrasings hold
     *  at least this share of the query weight the page matched. */
    pageFirstShare: 0.5,
    /** Sections shown as secondary lines under a result that lands on the page. */
    subSections: 2,
  };
  const WEIGHT = { exact: 1, synonym: 0.8, prefix: 0.85, family: 0.7, typo: 0.6 };

  function createEngine({ load }) {
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

    /**
     * A clause is one query word (or a synonym phrase): a page must match one of its alternatives.
     * A compound (веб-сокет) matches written together or as its parts. The word being typed adds
     * its completions, unless it is a stop word: «на» is far more often finished than continued,
     * and its completions would cost shards for nothing.
     */
    function clausesOf(words) {
      const clauses = [];
      for (const w of words) {
        const parts = w.word.split('-').filter(Boolean);
        const alternatives = [];
        let stem = null;
        if (parts.length <= 1) {
          stem = analyzer.term(w.word);
          if (stem !== null) alternatives.push({ terms: [stem], weight: WEIGHT.exact });
        } else {
          const partTerms = [...new Set(parts.map(analyzer.term).filter((t) => t !== null))];
          const whole = analyzer.terms(w.word).filter((t) => !partTerms.includes(t));
          if (whole.length) alternatives.push({ terms: whole, weight: WEIGHT.exact });
          if (partTerms.length) alternatives.push({ terms: partTerms, weight: WEIGHT.exact });
        }
        // A compound being typed completes as written together: «веб-сок» → «вебсокет».
        const typed = parts.length > 1 ? parts.join('') : w.word;
        const prefix = w.typing && [...typed].length >= LIMITS.prefixMinLength
          && !analyzer.isStopword(w.word) ? typed : null;
        if (!alternatives.length && !prefix) continue; // a stop word
        clauses.push({ words: [w], alternatives, prefix, stem, weak: stem !== null && meta.weak.has(stem) });
      }
      return applyChannels(applySynonyms(clauses));
    }

    /**
     * A channel named in the query (ВК, «на ВБ», «Яндекс Карты») becomes a clause that is never
     * required: it matches pages that mention any of the channel's names, and the channel's pages
     * are preferred (see search). A query of nothing but channel names keeps them required.
     */
    function applyChannels(clauses) {
      for (const [value, names] of meta.channels) {
        for (const name of names) {
          for (let i = 0; i + name.length <= clauses.length; i++) {
            const span = clauses.slice(i, i + name.length);
            if (!span.every((c, k) => c.stem === name[k] && !c.channel)) continue;
            const merged = {
              words: span.flatMap((c) => c.words), prefix: null, stem: name.length === 1 ? name[0] : null,
              alternatives: names.map((n) => ({ terms: n.slice(), weight: n === name ? WEIGHT.exact : WEIGHT.synonym })),
              channel: value, expanded: true,
            };
            clauses.splice(i, name.length, merged);
          }
        }
      }
      return clauses;
    }

    /** Adds the other members of a synonym group; a multi-word member merges the clauses it spans.
     *  Longer members first: in [суд, …, подать в суд] the one-word «суд» would otherwise claim the
     *  word and leave «подать» a separate required word, so the phrase never matched as a whole. */
    function applySynonyms(clauses) {
      for (const group of meta.synonyms || []) {
        for (const member of [...group].sort((a, b) => b.length - a.length)) {
          for (let i = 0; i + member.length <= clauses.length; i++) {
            const span = clauses.slice(i, i + member.length);
            if (!span.every((c, k) => c.stem === member[k] && !c.expanded)) continue;
            const merged = member.length === 1 ? span[0] : {
              words: span.flatMap((c) => c.words), prefix: null, stem: null,
              alternatives: [{ terms: member.slice(), weight: WEIGHT.exact }],
            };
            for (const other of group) {
              if (other !== member) merged.alternatives.push({ terms: other.slice(), weight: WEIGHT.synonym });
            }
            merged.expanded = true;
            clauses.splice(i, member.length, merged);
          }
        }
      }
      return clauses;
    }

    /** Longer stems that begin with a finished word's stem, from the shard already loaded for it. */
    async function expandFamily(clause) {
      const stem = clause.stem;
      if (!stem || stem.length < LIMITS.familyMinLength || clause.words.length !== 1) return;
      const shard = await loadShard(shardOf(stem));
      let i = shard.find(stem);
      if (i < 0) return; // not a word of the index: typos are looked for instead
      const found = [];
      for (i++; i < shard.terms.length && shard.terms[i].startsWith(stem); i++) {
        if (shard.terms[i].length <= stem.length + LIMITS.familyExtraLetters) found.push({ term: shard.terms[i], df: shard.df[i] });
      }
      found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
      for (const { term } of found.slice(0, LIMITS.familyMaxTerms)) clause.alternatives.push({ terms: [term], weight: WEIGHT.family });
    }

    /** Completions of the word being typed, from the shards its prefix range covers. */
    async function expandPrefix(clause) {
      const p = clause.prefix;
      let first = shardOf(p), last = shardOf(p + '\uffff');
      if (last - first + 1 > LIMITS.prefixMaxShards) return;
      // A word that is already whole (its stem is indexed) completes only from the shard its stem
      // brought in: another shard for rarer completions would cost more than it finds. One more
      // letter that no longer matches a stem opens the full range.
      if (clause.stem) {
        const home = shardOf(clause.stem);
        if ((await loadShard(home)).find(clause.stem) >= 0) {
          if (home < first || home > last) return;
          first = last = home;
        }
      }
      const found = [];
      for (let s = first; s <= last; s++) {
        const shard = await loadShard(s);
        let i = shard.find(p);
        if (i < 0) i = -i - 1;
        for (; i < shard.terms.length && shard.terms[i].startsWith(p); i++) found.push({ term: shard.terms[i], df: shard.df[i] });
      }
      found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
      for (const { term } of found.slice(0, LIMITS.prefixMaxTerms)) {
        if (term === clause.stem) continue;
        clause.alternatives.push({ terms: [term], weight: WEIGHT.prefix });
      }
    }

    /**
     * Whether one edit after the first letters of `term` turns `word` into a word stemmed to
     * `term`: a typo in the ending («прозрачнасть») leaves a stem («прозрачнаст») too far from
     * the right one («прозрачн») for an edit of stems to find.
     */
    function endingEditStemsTo(word, term) {
      const letters = /[а-яё]/.test(word) ? 'абвгдежзийклмнопрстуфхцчшщъыьэюя' : 'abcdefghijklmnopqrstuvwxyz';
      for (let i = term.length - 1; i <= word.length; i++) {
        const head = word.slice(0, i), tail = word.slice(i);
        const variants = [head + tail.slice(1), head + tail.slice(1, 2) + tail.slice(0, 1) + tail.slice(2)];
        for (const c of letters) variants.push(head + c + tail.slice(1), head + c + tail);
        if (variants.some((v) => v !== word && analyzer.term(v) === term)) return true;
      }
      return false;
    }

    /** Terms one edit away, from the lexicons of the word's first letter and (for a swapped start) second. */
    async function expandTypos(clause) {
      const word = clause.words[0].word;
      const chars = [...word];
      if (clause.words.length !== 1 || chars.length < LIMITS.typoMinLength || !/\p{L}/u.test(word)) return;
      const stem = clause.stem || word;
      const edits = chars.length >= LIMITS.twoTyposMinLength ? 2 : 1;
      const keys = [...new Set(chars.slice(0, 2).map((c) => c.codePointAt(0).toString(16)))].filter((k) => meta.lexicons.includes(k));
      const found = [];
      for (const key of keys) {
        const lex = await loadLexicon(key);
        for (let i = 0; i < lex.terms.length; i++) {
          const t = lex.terms[i];
          if (t.length >= 4 && t.length < stem.length && word.startsWith(t) && endingEditStemsTo(word, t)) {
            found.push({ term: t, df: lex.df[i] });
            continue;
          }
          if (t.length < 3 || Math.abs(t.length - stem.length) > 2) continue;
          if (withinOneEdit(stem, t) || withinOneEdit(word, t) || (clause.prefix && t.length > stem.length && withinOneEdit(stem, t.slice(0, stem.length)))
            || (edits > 1 && t.length >= 5 && withinEdits(stem, t, edits))) {
            found.push({ term: t, df: lex.df[i] });
          }
        }
      }
      found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
      const known = new Set(clause.alternatives.flatMap((a) => a.terms));
      const seen = clause.docs ? clause.docs.length : 0;
      const better = found.filter((f) => !known.has(f.term) && (seen === 0 || f.df >= LIMITS.rareWordRatio * seen));
      for (const { term } of better.slice(0, LIMITS.typoMaxTerms)) {
        clause.alternatives.push({ terms: [term], weight: WEIGHT.typo });
      }
    }

    /**
     * Loads the postings of every alternative and keeps, per page, the clause's best score and
     * which alternative gave it. Typed arrays indexed by page: Maps were the slowest part of a query.
     */
    async function scoreClause(clause) {
      const n = meta.documents;
      const scores = new Float64Array(n), best = new Int16Array(n).fill(-1), docs = [];
      const postings = await Promise.all(clause.alternatives.map((alt) => Promise.all(alt.terms.map(postingsOf))));
      // A synonym never weighs more than the word typed: «инцидент» is rarer than «кризис», and
      // its idf would put pages that say «инцидент» above the page titled with the word itself.
      const idfSum = (lists) => lists.reduce((sum, l) => sum + idf(l.docs.length), 0);
      const typed = clause.alternatives.map((alt, a) => (alt.weight === WEIGHT.exact && postings[a].every(Boolean) ? idfSum(postings[a]) : 0));
      const typedIdf = Math.max(0, ...typed);
      for (let a = 0; a < clause.alternatives.length; a++) {
        const alt = clause.alternatives[a];
        const lists = postings[a];
        if (lists.some((l) => !l)) continue;
        alt.found = true;
        const cap = alt.weight === WEIGHT.synonym && typedIdf > 0 ? Math.min(1, typedIdf / idfSum(lists)) : 1;
        const weights = lists.map((l) => idf(l.docs.length) * alt.weight * cap);
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
        const values = ((await facets())[facet] || []).map((v) => v[0]);
        const members = await loadFilter(facet);
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
      await ready();
      const asked = scope;
      scope = scope || 'readers';
      const parsed = parseQuery(query || '');
      const clauses = clausesOf(parsed.words);
      if (!clauses.length) return { results: [], total: 0, partial: false, query, corrected: null };

      await Promise.all(clauses.map((c) => (c.prefix ? expandPrefix(c) : expandFamily(c))));
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
        await Promise.all(missing.map(expandTypos));
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
        const weights = required.map((c) => idf(c.docs.length));
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
        const checked = await checkPhrases(ranked, parsed.phrases, offset, limit, count);
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
      const results = await Promise.all(pageDocs.map((d) => present(d, clauses, total[d] * meta.scoring.impactScale, partial)));
      return { results, total: count, partial, query, corrected: null, scope };
    }

    /** Membership test of the pages that serve any of `channels` (values of the channel facet). */
    async function channelTests(channels) {
      const values = ((await facets()).channel || []).map((v) => v[0]);
      if (!values.length) return null;
      const members = await loadFilter('channel');
      const tests = channels.map((c) => members[values.indexOf(c)]).filter(Boolean);
      return tests.length ? (d) => tests.some((t) => t(d)) : null;
    }

    /** How many pages match every word of `text` alone, and whether each word matched whole (not
     *  only as the start of longer words); null when it has nothing to search (stop words). */
    async function matchesOf(text, typing, typos = false) {
      const words = clausesOf(parseQuery(text + (typing ? '' : ' ')).words);
      if (!words.length) return null;
      await Promise.all(words.map((c) => (c.prefix ? expandPrefix(c) : null)));
      await Promise.all(words.map(scoreClause));
      const missing = typos ? words.filter((c) => c.docs.length === 0 && c.words.length === 1) : [];
      if (missing.length) {
        await Promise.all(missing.map(expandTypos));
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
        const native = scriptOf(chunks[i]) === meta.script;
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

    const checkBudget = (limit) => Math.ceil(limit * LIMITS.phraseChecksPerResult);

    /**
     * Keeps the pages whose text holds each quoted phrase, checking in rank order and stopping at
     * the first batch that found anything new: every check costs a fragment, so a page of phrase
     * results may come short and «more» goes on checking. After a batch that found nothing the
     * next is half as large: pages ranked lower rarely hold what the best-ranked ones do not.
     */
    async function checkPhrases(ranked, phrases, offset, limit, count) {
      const wanted = offset + limit;
      const budget = checkBudget(limit) + offset;
      const keep = [];
      let checked = 0, size = Math.max(limit, offset);
      while (checked < ranked.length && checked < budget && keep.length < wanted) {
        const batch = ranked.slice(checked, checked + size);
        size = Math.max(5, size >> 1);
        const fragments = await Promise.all(batch.map(loadFragment));
        batch.forEach((d, i) => { if (phrases.every((p) => containsPhrase(fragments[i], p))) keep.push(d); });
        checked += batch.length;
        if (keep.length > offset && checked >= offset + limit) break;
      }
      const unchecked = Math.max(0, count - checked);
      return { pageDocs: keep.slice(offset, offset + limit), count: keep.length + unchecked };
    }

    function wordKey(word) {
      if (analyzer.isStopword(word)) return word;
      const terms = analyzer.terms(word);
      return terms.length ? terms[terms.length - 1] : word;
    }

    function containsPhrase(fragment, phrase) {
      const keys = phrase.words.map((w) => wordKey(w.word));
      const heads = keys.map((k) => k.slice(0, Math.max(1, k.length - 1)));
      const lastTyping = !phrase.closed && phrase.words[phrase.words.length - 1].typing;
      // Stemming only cuts endings: a word that does not begin like the key cannot match it.
      const matches = (token, k) => (lastTyping && k === keys.length - 1
        ? token.startsWith(phrase.words[k].word)
        : token.startsWith(heads[k]) && wordKey(token) === keys[k]);
      const texts = [fragment.title, fragment.description, ...fragment.sections.flatMap((s) => [s.heading, s.text])];
      return texts.some((text) => {
        const tokens = Almanac.normalize.tokenize(text).map((t) => t.word);
        for (let i = 0; i + keys.length <= tokens.length; i++) {
          let k = 0;
          while (k < keys.length && matches(tokens[i + k], k)) k++;
          if (k === keys.length) return true;
        }
        return false;
      });
    }

    /**
     * Which of `weights`' terms (term → weight) a folded word stems to, or null. Stemming only
     * cuts endings, so a word can only stem to a term it (nearly) begins with: most words are
     * rejected without running the stemmer.
     */
    function termMatcher(weights) {
      const heads = [...weights.keys()].map((t) => t.slice(0, Math.max(1, t.length - 1)));
      return (word) => {
        if (!heads.some((h) => word.startsWith(h)) && !word.includes('-')) return null;
        for (const t of analyzer.terms(word)) if (weights.has(t)) return t;
        return null;
      };
    }

    /** A result as the UI shows it: link (deep to the best section), title, snippet, labels. */
    async function present(doc, clauses, score, partial) {
      const f = await loadFragment(doc);
      const weights = new Map();
      for (const c of clauses) {
        const a = c.best[doc];
        if (a < 0) continue;
        for (const t of c.alternatives[a].terms) {
          const p = await postingsOf(t);
          weights.set(t, p ? idf(p.docs.length) : 1);
        }
      }
      const match = termMatcher(weights);
      // The page itself answers when its title, label or phrasings (how readers describe it) hold
      // most of the query weight it matched: then the result lands on the page, and the sections
      // that match become secondary lines. Otherwise it lands on the best section.
      const termsIn = (texts) => {
        const found = new Set();
        for (const text of texts) for (const t of Almanac.normalize.tokenize(text || '')) { const term = match(t.word); if (term) found.add(term); }
        return found;
      };
      const weightOf = (set) => [...set].reduce((sum, t) => sum + weights.get(t), 0);
      const onPage = termsIn([f.title, f.label, ...f.phrasings]);
      const everywhere = new Set([...onPage, ...termsIn([f.description])]);
      // The section whose heading and text hold the most query weight; the page top if none does.
      let section = null, bestScore = 0;
      const scored = [];
      for (const s of f.sections) {
        const found = new Map();
        for (const [text, factor] of [[s.heading, 2], [s.text, 1]]) {
          for (const t of Almanac.normalize.tokenize(text)) {
            const term = match(t.word);
            if (term) found.set(term, (found.get(term) || 0) + factor);
          }
        }
        let sc = 0;
        for (const [term, hits] of found) sc += weights.get(term) * (1 + Math.log(hits));
        if (sc > bestScore) [section, bestScore] = [s, sc];
        if (sc > 0 && s.anchor && s.heading) scored.push({ s, sc });
        for (const term of found.keys()) everywhere.add(term);
      }
      const pageFirst = everywhere.size > 0 && weightOf(onPage) >= LIMITS.pageFirstShare * weightOf(everywhere);
      const subSections = pageFirst
        ? scored.sort((a, b) => b.sc - a.sc).slice(0, LIMITS.subSections)
          .map(({ s }) => ({ heading: s.heading, anchor: s.anchor, url: f.url + '#' + s.anchor }))
        : [];
      if (pageFirst) section = null;
      const anchor = section && section.anchor ? section.anchor : '';
      // A page-level result shows the phrasing that matched best, else the description.
      let lead = '';
      if (pageFirst) {
        let most = 0;
        for (const p of f.phrasings) { const w = weightOf(termsIn([p])); if (w > most) [lead, most] = [p, w]; }
      }
      const snippetSource = section && section.text ? section.text
        : f.description || lead || (f.sections[0] && f.sections[0].text) || '';
      const type = (meta.types || []).find((v) => v[0] === f.type);
      return {
        doc,
        url: f.url + (anchor ? '#' + anchor : ''),
        title: f.title,
        titleParts: highlight(f.title, match, Infinity),
        heading: section && section.heading ? section.heading : '',
        anchor,
        pageFirst,
        sections: subSections,
        label: f.label,
        askedAs: lead ? highlight(lead, match, LIMITS.snippetWords) : [],
        snippet: highlight(snippetSource, match, LIMITS.snippetWords),
        type: f.type,
        typeLabel: type ? type[1] : f.type,
        section: f.section,
        sectionTitle: f.sectionTitle,
        tags: f.tags,
        status: f.status,
        score: Math.round(score * 1000) / 1000,
        partial,
      };
    }

    /**
     * The text (or the window of `maxWords` words with the most distinct matched terms) as
     * [{text, mark}] parts: the UI builds DOM from them, so nothing is ever parsed as HTML.
     */
    function highlight(text, match, maxWords) {
      const s = (text || '').normalize('NFC');
      const tokens = Almanac.normalize.tokenize(s);
      const hits = tokens.map((t) => match(t.word));
      let from = 0, to = tokens.length;
      if (tokens.length > maxWords) {
        let bestFrom = 0, bestCount = -1;
        for (let i = 0; i < tokens.length; i++) {
          if (!hits[i] && i !== 0) continue;
          const seen = new Set();
          for (let k = i; k < Math.min(tokens.length, i + maxWords); k++) if (hits[k]) seen.add(hits[k]);
          if (seen.size > bestCount) [bestFrom, bestCount] = [i, seen.size];
        }
        from = Math.max(0, bestFrom - 3);
        to = Math.min(tokens.length, from + maxWords);
      }
      const parts = [];
      const start = from === 0 ? 0 : tokens[from].start;
      const end = to === tokens.length ? s.length : tokens[to - 1].end;
      let pos = start;
      for (let i = from; i < to; i++) {
        if (!hits[i]) continue;
        if (tokens[i].start > pos) parts.push({ text: s.slice(pos, tokens[i].start), mark: false });
        parts.push({ text: s.slice(tokens[i].start, tokens[i].end), mark: true });
        pos = tokens[i].end;
      }
      if (end > pos) parts.push({ text: s.slice(pos, end), mark: false });
      if (parts.length) {
        if (from > 0) parts[0].text = '…' + parts[0].text.replace(/^\s+/, '');
        if (to < tokens.length) parts[parts.length - 1].text = parts[parts.length - 1].text.replace(/\s+$/, '') + '…';
      }
      return parts.map((p) => ({ text: p.text.replace(/\s*\n\s*/g, ' '), mark: p.mark }));
    }

    /** Every facet's values [[value, label, pageCount]] for filter controls (search/facets.json). */
    function facets() {
      return ready().then(() => piece('facets.json', (x) => x));
    }

    return {
      search,
      ready,
      facets,
      get meta() { return meta; },
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

  /** For a terminal: parts → text with <mark> around matches, everything else escaped. */
  function partsToHTML(parts) {
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return parts.map((p) => (p.mark ? `<mark>${esc(p.text)}</mark>` : esc(p.text))).join('');
  }

  Almanac.search = { createEngine, fetchLoader, scriptLoader, partsToHTML, LIMITS };
})(globalThis);
