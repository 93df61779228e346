/* Almanac search, results as a reader sees them: whether a page's text holds a quoted phrase,
 * which section a result lands on, and the snippet with the query's words marked, as
 * [{text, mark}] parts the UI builds DOM from (nothing is ever parsed as HTML). */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});
  const { LIMITS } = Almanac.searchLimits;

  const checkBudget = (limit) => Math.ceil(limit * LIMITS.phraseChecksPerResult);

  /**
   * Keeps the pages whose text holds each quoted phrase, checking in rank order and stopping at
   * the first batch that found anything new: every check costs a fragment, so a page of phrase
   * results may come short and «more» goes on checking. After a batch that found nothing the
   * next is half as large: pages ranked lower rarely hold what the best-ranked ones do not.
   */
  async function checkPhrases(index, ranked, phrases, offset, limit, count) {
    const wanted = offset + limit;
    const budget = checkBudget(limit) + offset;
    const keep = [];
    let checked = 0, size = Math.max(limit, offset);
    while (checked < ranked.length && checked < budget && keep.length < wanted) {
      const batch = ranked.slice(checked, checked + size);
      size = Math.max(5, size >> 1);
      const fragments = await Promise.all(batch.map(index.loadFragment));
      batch.forEach((d, i) => { if (phrases.every((p) => containsPhrase(index.analyzer, fragments[i], p))) keep.push(d); });
      checked += batch.length;
      if (keep.length > offset && checked >= offset + limit) break;
    }
    const unchecked = Math.max(0, count - checked);
    return { pageDocs: keep.slice(offset, offset + limit), count: keep.length + unchecked };
  }

  function wordKey(analyzer, word) {
    if (analyzer.isStopword(word)) return word;
    const terms = analyzer.terms(word);
    return terms.length ? terms[terms.length - 1] : word;
  }

  function containsPhrase(analyzer, fragment, phrase) {
    const keys = phrase.words.map((w) => wordKey(analyzer, w.word));
    const heads = keys.map((k) => k.slice(0, Math.max(1, k.length - 1)));
    const lastTyping = !phrase.closed && phrase.words[phrase.words.length - 1].typing;
    // Stemming only cuts endings: a word that does not begin like the key cannot match it.
    const matches = (token, k) => (lastTyping && k === keys.length - 1
      ? token.startsWith(phrase.words[k].word)
      : token.startsWith(heads[k]) && wordKey(analyzer, token) === keys[k]);
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
  function termMatcher(analyzer, weights) {
    const heads = [...weights.keys()].map((t) => t.slice(0, Math.max(1, t.length - 1)));
    return (word) => {
      if (!heads.some((h) => word.startsWith(h)) && !word.includes('-')) return null;
      for (const t of analyzer.terms(word)) if (weights.has(t)) return t;
      return null;
    };
  }

  /** A result as the UI shows it: link (deep to the best section), title, snippet, labels. */
  async function present(index, doc, clauses, score, partial) {
    const f = await index.loadFragment(doc);
    const weights = new Map();
    for (const c of clauses) {
      const a = c.best[doc];
      if (a < 0) continue;
      for (const t of c.alternatives[a].terms) {
        const p = await index.postingsOf(t);
        weights.set(t, p ? index.idf(p.docs.length) : 1);
      }
    }
    const match = termMatcher(index.analyzer, weights);
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
    const type = (index.meta.types || []).find((v) => v[0] === f.type);
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

  /** For a terminal: parts → text with <mark> around matches, everything else escaped. */
  function partsToHTML(parts) {
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return parts.map((p) => (p.mark ? `<mark>${esc(p.text)}</mark>` : esc(p.text))).join('');
  }

  Almanac.searchResults = { checkBudget, checkPhrases, present, partsToHTML };
})(globalThis);
