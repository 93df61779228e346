/* Almanac search engine: loads index pieces through an injected loader, answers queries, ranks,
 * and cuts snippets. No DOM: the same file runs in the browser (a classic script, also from
 * file://) and in Node (scripts/search.mjs, the tests). Index format: docs/search-index.md. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});
  const SUPPORTED_MAJOR = 1;

  const LIMITS = {
    /** A word typed last matches as a prefix once it has this many characters. */
    prefixMinLength: 2,
    /** …and only if its completions lie in this many shards: "к" would pull half the index. */
    prefixMaxShards: 2,
    /** Completions kept for a prefix, most frequent first. */
    prefixMaxTerms: 24,
    /** Words at least this long forgive one typo (edit distance 1, transpositions included). */
    typoMinLength: 5,
    typoMaxTerms: 3,
    /** Candidates checked against the page text for a quoted phrase, per requested result. */
    phraseChecksPerResult: 5,
    snippetWords: 26,
  };
  const WEIGHT = { exact: 1, synonym: 0.8, prefix: 0.85, typo: 0.6 };

  // ---- bytes ---------------------------------------------------------------------------

  /** Byte 0x80 + i of the code page stands for CODE_PAGE[i] (IndexFormat/CodePage.swift). */
  const CODE_PAGE = [];
  for (let c = 0x430; c <= 0x44f; c++) CODE_PAGE.push(c);
  for (let c = 0x410; c <= 0x42f; c++) CODE_PAGE.push(c);
  CODE_PAGE.push(0x451, 0x401, 0xab, 0xbb, 0x2014, 0x2013, 0x2026, 0x201c, 0x201d, 0x201e, 0x2116, 0x2019, 0xa0,
    0x2018, 0x2022, 0xb7);
  const utf8 = new TextDecoder();

  function decodeText(bytes, start, end) {
    let out = '';
    const codes = [];
    const flush = () => {
      for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode.apply(null, codes.slice(k, k + 8192));
      codes.length = 0;
    };
    for (let i = start; i < end; ) {
      const b = bytes[i++];
      if (b < 0x80) codes.push(b);
      else if (b === 0xff) {
        const lead = bytes[i];
        const n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        flush();
        out += utf8.decode(bytes.subarray(i, i + n));
        i += n;
      } else codes.push(CODE_PAGE[b - 0x80]);
    }
    flush();
    return out;
  }

  class Reader {
    constructor(bytes, pos = 0) {
      this.bytes = bytes;
      this.pos = pos;
    }
    varint() {
      let v = 0, shift = 0, b;
      do {
        b = this.bytes[this.pos++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return v;
    }
    byte() { return this.bytes[this.pos++]; }
    rawBytes(n) {
      const out = this.bytes.subarray(this.pos, this.pos + n);
      this.pos += n;
      return out;
    }
    string() {
      const n = this.varint();
      const s = decodeText(this.bytes, this.pos, this.pos + n);
      this.pos += n;
      return s;
    }
  }

  async function inflate(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function base64Bytes(text) {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  // ---- pieces --------------------------------------------------------------------------

  class Shard {
    constructor(bytes) {
      const r = new Reader(bytes);
      const n = r.varint();
      this.terms = new Array(n);
      this.df = new Uint32Array(n);
      this.offsets = new Uint32Array(n + 1);
      let previous = new Uint8Array(0);
      const lengths = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const shared = r.varint();
        const suffix = r.rawBytes(r.varint());
        const term = new Uint8Array(shared + suffix.length);
        term.set(previous.subarray(0, shared));
        term.set(suffix, shared);
        this.terms[i] = decodeText(term, 0, term.length);
        this.df[i] = r.varint();
        lengths[i] = r.varint();
        previous = term;
      }
      this.offsets[0] = r.pos;
      for (let i = 0; i < n; i++) this.offsets[i + 1] = this.offsets[i] + lengths[i];
      this.bytes = bytes;
      this.decoded = new Map();
    }

    /** Index of `term`, or -1. */
    find(term) {
      let lo = 0, hi = this.terms.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const t = this.terms[mid];
        if (t === term) return mid;
        if (t < term) lo = mid + 1;
        else hi = mid - 1;
      }
      return -(lo + 1);
    }

    postings(i) {
      let p = this.decoded.get(i);
      if (p) return p;
      const df = this.df[i];
      const r = new Reader(this.bytes, this.offsets[i]);
      const docs = new Int32Array(df), masks = new Uint32Array(df);
      let doc = 0;
      for (let k = 0; k < df; k++) docs[k] = doc += r.varint();
      const impacts = r.rawBytes(df);
      for (let k = 0; k < df; k++) masks[k] = r.varint() >>> 0;
      p = { docs, impacts, masks };
      this.decoded.set(i, p);
      return p;
    }
  }

  function parseLexicon(bytes) {
    const r = new Reader(bytes);
    const n = r.varint();
    const terms = new Array(n), df = new Uint32Array(n);
    let previous = new Uint8Array(0);
    for (let i = 0; i < n; i++) {
      const shared = r.varint();
      const suffix = r.rawBytes(r.varint());
      const term = new Uint8Array(shared + suffix.length);
      term.set(previous.subarray(0, shared));
      term.set(suffix, shared);
      terms[i] = decodeText(term, 0, term.length);
      df[i] = r.varint();
      previous = term;
    }
    return { terms, df };
  }

  function parseFragment(bytes) {
    const r = new Reader(bytes);
    const [url, title, description, type, section, sectionTitle, status] = [0, 0, 0, 0, 0, 0, 0].map(() => r.string());
    const tags = Array.from({ length: r.varint() }, () => r.string());
    const sections = Array.from({ length: r.varint() }, () => {
      const level = r.byte();
      return { level, anchor: r.string(), heading: r.string(), text: r.string() };
    });
    return { url, title, description, type, section, sectionTitle, status, tags, sections };
  }

  /** Facet piece → one membership test per value, in the order of meta.facets[facet]. */
  function parseFilter(bytes, documentCount) {
    const r = new Reader(bytes);
    return Array.from({ length: r.varint() }, () => {
      if (r.byte() === 1) {
        const bits = r.rawBytes((documentCount + 7) >> 3);
        return (d) => (bits[d >> 3] >> (d & 7)) & 1;
      }
      const set = new Set();
      let doc = 0;
      for (let n = r.varint(); n > 0; n--) set.add((doc += r.varint()));
      return (d) => set.has(d);
    });
  }

  // ---- loaders -------------------------------------------------------------------------

  /**
   * Over http: JSON and .bin pieces through fetch. `build` (meta.build) is appended to URLs
   * so a browser cache never mixes pieces of two builds.
   */
  function fetchLoader(base, { fetch = global.fetch.bind(global) } = {}) {
    let version = '';
    return async function load(path) {
      const response = await fetch(base + path + (version ? '?v=' + version : ''));
      if (!response.ok) throw new Error(`search index piece ${path}: HTTP ${response.status}`);
      if (path === 'meta.json') {
        const meta = await response.json();
        version = meta.build || '';
        return meta;
      }
      return new Uint8Array(await response.arrayBuffer());
    };
  }

  /**
   * From file://, where browsers refuse fetch: each piece x.bin has a twin x.js that calls
   * Almanac.searchData("x.bin", base64). A <script> element loads it; no inline code, no eval.
   */
  function scriptLoader(base, { document = global.document } = {}) {
    const waiting = new Map();
    Almanac.searchData = (path, data) => {
      const w = waiting.get(path);
      if (!w) return;
      waiting.delete(path);
      w.resolve(typeof data === 'string' ? base64Bytes(data) : data);
    };
    return function load(path) {
      return new Promise((resolve, reject) => {
        waiting.set(path, { resolve, reject });
        const script = document.createElement('script');
        script.src = base + path.replace(/\.(bin|json)$/, '.js');
        script.async = true;
        script.onerror = () => {
          waiting.delete(path);
          reject(new Error(`search index piece ${path}: could not load ${script.src}`));
        };
        script.onload = () => script.remove();
        document.head.appendChild(script);
      });
    };
  }

  // ---- queries -------------------------------------------------------------------------

  /** Damerau (optimal string alignment) distance, stopping early once it exceeds 1. */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    const la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  const QUOTES = /["«»“”„]/;

  /** Words of a query, with the phrase each belongs to and whether it is still being typed. */
  function parseQuery(q) {
    const words = [];
    const phrases = [];
    let inPhrase = false, phrase = null, offset = 0;
    const pieces = q.split(/(["«»“”„])/);
    for (const piece of pieces) {
      if (QUOTES.test(piece) && piece.length === 1) {
        inPhrase = !inPhrase;
        if (inPhrase) phrases.push((phrase = { words: [], closed: false }));
        else if (phrase) phrase.closed = true;
      } else {
        for (const t of Almanac.normalize.tokenize(piece)) {
          const w = { word: t.word, phrase: inPhrase ? phrases.length - 1 : -1, typing: false };
          words.push(w);
          if (inPhrase) phrase.words.push(w);
          w.end = offset + t.end;
        }
      }
      offset += piece.length;
    }
    const last = words[words.length - 1];
    // The last word is still being typed unless something follows it (a space, a closing quote).
    if (last && last.end === q.normalize('NFC').length) last.typing = true;
    return { words, phrases: phrases.filter((p) => p.words.length > 1) };
  }

  function createEngine({ load }) {
    if (typeof load !== 'function') throw new Error('createEngine needs a load(path) function');
    const cache = new Map();
    let meta = null, analyzer = null, metaPromise = null;

    function piece(path, parse) {
      let p = cache.get(path);
      if (!p) {
        p = (async () => {
          const data = await load(path);
          const bytes = meta.compression === 'deflate' ? await inflate(data) : data;
          return parse(bytes);
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
          meta = m;
          analyzer = Almanac.normalize.createAnalyzer({ stopwords: m.stopwords, languages: m.languages });
          return m;
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
     * its completions; if it is a stop word, its clause is optional, since the exact word is on
     * every page anyway.
     */
    function clausesOf(words) {
      const clauses = [];
      for (const w of words) {
        const parts = w.word.split('-').filter(Boolean);
        const alternatives = [];
        let stem = null;
        if (parts.length <= 1) {
          stem = analyzer.term(w.word);
          if (stem !== null) alternatives.push({ terms: [stem], weight: WEIGHT.exact, kind: 'exact' });
        } else {
          const partTerms = [...new Set(parts.map(analyzer.term).filter((t) => t !== null))];
          const whole = analyzer.terms(w.word).filter((t) => !partTerms.includes(t));
          if (whole.length) alternatives.push({ terms: whole, weight: WEIGHT.exact, kind: 'exact' });
          if (partTerms.length) alternatives.push({ terms: partTerms, weight: WEIGHT.exact, kind: 'exact' });
        }
        const prefix = w.typing && parts.length === 1 && [...w.word].length >= LIMITS.prefixMinLength ? w.word : null;
        if (!alternatives.length && !prefix) continue; // a stop word
        clauses.push({ words: [w], alternatives, prefix, stem, optional: !alternatives.length && analyzer.isStopword(w.word) });
      }
      return applySynonyms(clauses);
    }

    /** Adds the other members of a synonym group; a multi-word member merges the clauses it spans. */
    function applySynonyms(clauses) {
      for (const group of meta.synonyms || []) {
        for (const member of group) {
          for (let i = 0; i + member.length <= clauses.length; i++) {
            const span = clauses.slice(i, i + member.length);
            if (!span.every((c, k) => c.stem === member[k] && !c.expanded)) continue;
            const merged = member.length === 1 ? span[0] : {
              words: span.flatMap((c) => c.words), prefix: null, stem: null, optional: false,
              alternatives: [{ terms: member.slice(), weight: WEIGHT.exact, kind: 'exact' }],
            };
            for (const other of group) {
              if (other !== member) merged.alternatives.push({ terms: other.slice(), weight: WEIGHT.synonym, kind: 'synonym' });
            }
            merged.expanded = true;
            clauses.splice(i, member.length, merged);
          }
        }
      }
      return clauses;
    }

    /** Completions of the word being typed, from the shards its prefix range covers. */
    async function expandPrefix(clause) {
      const p = clause.prefix;
      const first = shardOf(p), last = shardOf(p + '\uffff');
      if (last - first + 1 > LIMITS.prefixMaxShards) return;
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
        clause.alternatives.push({ terms: [term], weight: WEIGHT.prefix, kind: 'prefix' });
      }
    }

    /** Terms one edit away, from the lexicons of the word's first letter and (for a swapped start) second. */
    async function expandTypos(clause) {
      const word = clause.words[0].word;
      const chars = [...word];
      if (clause.words.length !== 1 || chars.length < LIMITS.typoMinLength || !/\p{L}/u.test(word)) return;
      const stem = clause.stem || word;
      const keys = [...new Set(chars.slice(0, 2).map((c) => c.codePointAt(0).toString(16)))].filter((k) => meta.lexicons.includes(k));
      const found = [];
      for (const key of keys) {
        const lex = await loadLexicon(key);
        for (let i = 0; i < lex.terms.length; i++) {
          const t = lex.terms[i];
          if (t.length < 3 || Math.abs(t.length - stem.length) > 2) continue;
          if (withinOneEdit(stem, t) || withinOneEdit(word, t) || (clause.prefix && t.length > stem.length && withinOneEdit(stem, t.slice(0, stem.length)))) {
            found.push({ term: t, df: lex.df[i] });
          }
        }
      }
      found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
      for (const { term } of found.slice(0, LIMITS.typoMaxTerms)) {
        clause.alternatives.push({ terms: [term], weight: WEIGHT.typo, kind: 'typo' });
      }
    }

    /** Loads the postings of every alternative; returns per page the clause's best score. */
    async function scoreClause(clause) {
      const scores = new Map();
      const matchedTerms = new Map(); // page → terms that matched, for highlighting and sections
      for (const alt of clause.alternatives) {
        const lists = await Promise.all(alt.terms.map(postingsOf));
        if (lists.some((l) => !l)) continue;
        alt.found = true;
        const weights = lists.map((l) => idf(l.docs.length) * alt.weight);
        // Walk the shortest list, look the page up in the others.
        const order = lists.map((l, i) => i).sort((a, b) => lists[a].docs.length - lists[b].docs.length);
        const base = lists[order[0]];
        for (let k = 0; k < base.docs.length; k++) {
          const d = base.docs[k];
          let s = weights[order[0]] * base.impacts[k];
          let all = true;
          for (let j = 1; j < order.length && all; j++) {
            const l = lists[order[j]];
            const at = indexOf(l.docs, d);
            if (at < 0) all = false;
            else s += weights[order[j]] * l.impacts[at];
          }
          if (!all) continue;
          if (!(scores.get(d) >= s)) {
            scores.set(d, s);
            matchedTerms.set(d, alt.terms);
          }
        }
      }
      clause.scores = scores;
      clause.matchedTerms = matchedTerms;
    }

    async function matchingFilters(filters) {
      const tests = [];
      for (const facet of Object.keys(filters || {})) {
        const wanted = [].concat(filters[facet]).filter((v) => v !== '' && v != null);
        if (!wanted.length) continue;
        const values = (meta.facets[facet] || []).map((v) => v[0]);
        const members = await loadFilter(facet);
        const chosen = wanted.map((v) => members[values.indexOf(String(v).toLowerCase())] || members[values.indexOf(String(v))]).filter(Boolean);
        tests.push((d) => chosen.some((has) => has(d)));
      }
      return tests.length ? (d) => tests.every((t) => t(d)) : null;
    }

    /**
     * Answers a query: {results, total, partial, clauses}. Options: filters {type, section, tag,
     * status} (values OR within a facet, AND across), limit, offset.
     */
    async function search(query, { filters = {}, limit = 10, offset = 0 } = {}) {
      await ready();
      const parsed = parseQuery(query || '');
      const clauses = clausesOf(parsed.words);
      if (!clauses.length) return { results: [], total: 0, partial: false, query };

      await Promise.all(clauses.map((c) => (c.prefix ? expandPrefix(c) : null)));
      await Promise.all(clauses.map(scoreClause));
      const missing = clauses.filter((c) => c.scores.size === 0);
      if (missing.length) {
        await Promise.all(missing.map(expandTypos));
        await Promise.all(missing.map(scoreClause));
      }

      const accept = await matchingFilters(filters);
      const total = new Map();
      for (const c of clauses) {
        for (const [d, s] of c.scores) if (!accept || accept(d)) total.set(d, (total.get(d) || 0) + s);
      }
      // Optional clauses add to the score, but a page need not match them.
      const required = clauses.filter((c) => !c.optional);
      const requiredCount = new Map();
      for (const c of required) for (const d of c.scores.keys()) requiredCount.set(d, (requiredCount.get(d) || 0) + 1);
      let ranked = [...total.keys()];
      const full = ranked.filter((d) => (requiredCount.get(d) || 0) === required.length);
      let partial = full.length === 0 && ranked.length > 0;
      if (!partial) ranked = full;
      const matched = (d) => requiredCount.get(d) || 0;
      ranked.sort((a, b) => matched(b) - matched(a) || total.get(b) - total.get(a) || a - b);

      let pageDocs = ranked.slice(offset, offset + limit), totalCount = ranked.length;
      if (parsed.phrases.length && !partial) {
        const checked = await checkPhrases(ranked, parsed.phrases, offset, limit);
        // No page has the phrase as written: its words, scattered, are the best partial match.
        if (checked.totalCount > 0) ({ pageDocs, totalCount } = checked);
        else partial = true;
      }
      const results = await Promise.all(pageDocs.map((d) =>
        present(d, clauses, total.get(d) * meta.scoring.impactScale, partial)));
      return { results, total: totalCount, partial, query };
    }

    /** Keeps the pages whose text holds each quoted phrase, checking only as many as a page of results needs. */
    async function checkPhrases(ranked, phrases, offset, limit) {
      const wanted = offset + limit;
      const budget = Math.max(wanted * LIMITS.phraseChecksPerResult, 20);
      const keep = [];
      let checked = 0;
      for (; checked < ranked.length && checked < budget && keep.length < wanted; checked += limit) {
        const batch = ranked.slice(checked, checked + limit);
        const fragments = await Promise.all(batch.map(loadFragment));
        batch.forEach((d, i) => { if (phrases.every((p) => containsPhrase(fragments[i], p))) keep.push(d); });
      }
      const unchecked = Math.max(0, ranked.length - checked);
      return { pageDocs: keep.slice(offset, offset + limit), totalCount: keep.length + unchecked };
    }

    function wordKey(word) {
      if (analyzer.isStopword(word)) return word;
      const terms = analyzer.terms(word);
      return terms.length ? terms[terms.length - 1] : word;
    }

    function containsPhrase(fragment, phrase) {
      const keys = phrase.words.map((w) => wordKey(w.word));
      const lastTyping = !phrase.closed && phrase.words[phrase.words.length - 1].typing;
      const texts = [fragment.title, fragment.description, ...fragment.sections.flatMap((s) => [s.heading, s.text])];
      return texts.some((text) => {
        const tokens = Almanac.normalize.tokenize(text).map((t) => t.word);
        for (let i = 0; i + keys.length <= tokens.length; i++) {
          let ok = true;
          for (let k = 0; k < keys.length && ok; k++) {
            const typed = lastTyping && k === keys.length - 1;
            ok = typed ? tokens[i + k].startsWith(phrase.words[k].word) : wordKey(tokens[i + k]) === keys[k];
          }
          if (ok) return true;
        }
        return false;
      });
    }

    /** A result as the UI shows it: link (deep to the best section), title, snippet, labels. */
    async function present(doc, clauses, score, partial) {
      const f = await loadFragment(doc);
      const terms = new Set();
      const sectionScore = new Map();
      for (const c of clauses) {
        const matched = c.matchedTerms.get(doc);
        if (!matched) continue;
        for (const t of matched) {
          terms.add(t);
          const p = await postingsOf(t);
          const at = p ? indexOf(p.docs, doc) : -1;
          if (at < 0) continue;
          const w = idf(p.docs.length) * p.impacts[at];
          for (let mask = p.masks[at], bit = 0; mask; mask >>>= 1, bit++) {
            if (mask & 1) sectionScore.set(bit, (sectionScore.get(bit) || 0) + w);
          }
        }
      }
      let best = -1, bestScore = 0;
      for (const [bit, s] of sectionScore) if (s > bestScore || (s === bestScore && bit < best)) [best, bestScore] = [bit, s];
      if (best === 31 && f.sections.length > 32) best = bestLateSection(f, terms);
      const section = best >= 0 ? f.sections[best] : null;
      const anchor = section && section.anchor ? section.anchor : '';
      const snippetSource = section && section.text ? section.text : f.description || (f.sections[0] && f.sections[0].text) || '';
      const typeEntry = (meta.facets.type || []).find((v) => v[0] === f.type);
      return {
        doc,
        url: f.url + (anchor ? '#' + anchor : ''),
        title: f.title,
        titleParts: highlight(f.title, terms, Infinity),
        heading: section && section.heading ? section.heading : '',
        anchor,
        snippet: highlight(snippetSource, terms, LIMITS.snippetWords),
        type: f.type,
        typeLabel: typeEntry ? typeEntry[1] : f.type,
        section: f.section,
        sectionTitle: f.sectionTitle,
        tags: f.tags,
        status: f.status,
        score: Math.round(score * 1000) / 1000,
        partial,
      };
    }

    function bestLateSection(f, terms) {
      let best = 31, most = 0;
      for (let i = 31; i < f.sections.length; i++) {
        const n = highlight(f.sections[i].text, terms, Infinity).filter((p) => p.mark).length;
        if (n > most) [best, most] = [i, n];
      }
      return best;
    }

    /**
     * The text (or the window of `maxWords` words with the most distinct matched terms) as
     * [{text, mark}] parts: the UI builds DOM from them, so nothing is ever parsed as HTML.
     */
    function highlight(text, terms, maxWords) {
      const s = (text || '').normalize('NFC');
      const tokens = Almanac.normalize.tokenize(s);
      const hits = tokens.map((t) => analyzer.terms(t.word).some((x) => terms.has(x)));
      let from = 0, to = tokens.length;
      if (tokens.length > maxWords) {
        let bestFrom = 0, bestCount = -1;
        for (let i = 0; i < tokens.length; i++) {
          if (!hits[i] && i !== 0) continue;
          const seen = new Set();
          for (let k = i; k < Math.min(tokens.length, i + maxWords); k++) if (hits[k]) seen.add(tokens[k].word);
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

    return {
      search,
      ready,
      get meta() { return meta; },
      /** Facet values {facet: [[value, label, count]]} for filter controls. */
      async facets() { await ready(); return meta.facets; },
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

  Almanac.search = { createEngine, fetchLoader, scriptLoader, parseQuery, withinOneEdit, partsToHTML, LIMITS, decodeText };
})(globalThis);
