/* Almanac search, a query's words as clauses over the index: the alternatives a page may match
 * for each word (its stem, a compound's parts, synonyms, a channel's names), and what a clause
 * adds when asked (the completions of the word being typed, a stem's family, the words a typo
 * away). Scoring and ranking are the engine's (engine.js). */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});
  const { LIMITS, WEIGHT } = Almanac.searchLimits;
  const { withinEdits, withinOneEdit } = Almanac.searchQuery;

  /**
   * A clause is one query word (or a synonym phrase): a page must match one of its alternatives.
   * A compound (веб-сокет) matches written together or as its parts. The word being typed adds
   * its completions, unless it is a stop word: «на» is far more often finished than continued,
   * and its completions would cost shards for nothing.
   */
  function clausesOf(index, words) {
    const clauses = [];
    for (const w of words) {
      const parts = w.word.split('-').filter(Boolean);
      const alternatives = [];
      let stem = null;
      if (parts.length <= 1) {
        stem = index.analyzer.term(w.word);
        if (stem !== null) alternatives.push({ terms: [stem], weight: WEIGHT.exact });
      } else {
        const partTerms = [...new Set(parts.map(index.analyzer.term).filter((t) => t !== null))];
        const whole = index.analyzer.terms(w.word).filter((t) => !partTerms.includes(t));
        if (whole.length) alternatives.push({ terms: whole, weight: WEIGHT.exact });
        if (partTerms.length) alternatives.push({ terms: partTerms, weight: WEIGHT.exact });
      }
      // A compound being typed completes as written together: «веб-сок» → «вебсокет».
      const typed = parts.length > 1 ? parts.join('') : w.word;
      const prefix = w.typing && [...typed].length >= LIMITS.prefixMinLength
        && !index.analyzer.isStopword(w.word) ? typed : null;
      if (!alternatives.length && !prefix) continue; // a stop word
      clauses.push({ words: [w], alternatives, prefix, stem, weak: stem !== null && index.meta.weak.has(stem) });
    }
    return applyChannels(index.meta, applySynonyms(index.meta, clauses));
  }

  /**
   * A channel named in the query (ВК, «на ВБ», «Яндекс Карты») becomes a clause that is never
   * required: it matches pages that mention any of the channel's names, and the channel's pages
   * are preferred (see search). A query of nothing but channel names keeps them required.
   */
  function applyChannels(meta, clauses) {
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
  function applySynonyms(meta, clauses) {
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
  async function expandFamily(index, clause) {
    const stem = clause.stem;
    if (!stem || stem.length < LIMITS.familyMinLength || clause.words.length !== 1) return;
    const shard = await index.loadShard(index.shardOf(stem));
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
  async function expandPrefix(index, clause) {
    const p = clause.prefix;
    let first = index.shardOf(p), last = index.shardOf(p + '\uffff');
    if (last - first + 1 > LIMITS.prefixMaxShards) return;
    // A word that is already whole (its stem is indexed) completes only from the shard its stem
    // brought in: another shard for rarer completions would cost more than it finds. One more
    // letter that no longer matches a stem opens the full range.
    if (clause.stem) {
      const home = index.shardOf(clause.stem);
      if ((await index.loadShard(home)).find(clause.stem) >= 0) {
        if (home < first || home > last) return;
        first = last = home;
      }
    }
    const found = [];
    for (let s = first; s <= last; s++) {
      const shard = await index.loadShard(s);
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
  function endingEditStemsTo(analyzer, word, term) {
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
  async function expandTypos(index, clause) {
    const word = clause.words[0].word;
    const chars = [...word];
    if (clause.words.length !== 1 || chars.length < LIMITS.typoMinLength || !/\p{L}/u.test(word)) return;
    const stem = clause.stem || word;
    const edits = chars.length >= LIMITS.twoTyposMinLength ? 2 : 1;
    const keys = [...new Set(chars.slice(0, 2).map((c) => c.codePointAt(0).toString(16)))].filter((k) => index.meta.lexicons.includes(k));
    const found = [];
    for (const key of keys) {
      const lex = await index.loadLexicon(key);
      for (let i = 0; i < lex.terms.length; i++) {
        const t = lex.terms[i];
        if (t.length >= 4 && t.length < stem.length && word.startsWith(t) && endingEditStemsTo(index.analyzer, word, t)) {
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

  Almanac.searchClauses = { clausesOf, expandFamily, expandPrefix, expandTypos };
})(globalThis);
