// The Snowball English ("Porter2") stemmer as current Snowball defines it (snowballstem.org,
// algorithms/english.sbl) for the browser search. Twin of
// Sources/Almanac/Search/Stemming/EnglishStemmer.swift, which stems the index: the two must
// stay step-for-step identical or queries stop matching indexed words.
// A classic script (not a module) so that it loads from file:// too; it defines Almanac.stemEnglish.
(function (A) {
  'use strict';

  // Snowball's `among`: listed endings, longest first, so the first hit is the longest match.
  // Each entry carries the `action` its group of endings calls for.
  function table(groups) {
    const entries = [];
    for (const [action, suffixes] of groups) for (const s of suffixes) entries.push({ s, action });
    return entries.sort((a, b) => b.s.length - a.s.length);
  }

  // The longest listed ending of `word`, or null. Like Snowball, callers commit to it: a failed
  // condition does not fall back to a shorter ending.
  function longestMatch(entries, word) {
    for (const e of entries) if (word.endsWith(e.s)) return e;
    return null;
  }

  // What steps 2–4 do with the ending they found: replace it with `to`, provided the letter
  // before it is one of `after` (when given) and, for step 3's -ative, that it lies in R2.
  const to = (replacement, after = null) => ({ to: replacement, after, inR2: false });
  const DELETE = to('');

  // Whole words with a fixed stem, looked up before anything else.
  const EXCEPTIONS = new Map([
    ['skis', 'ski'], ['skies', 'sky'],
    ['idly', 'idl'], ['gently', 'gentl'], ['ugly', 'ugli'], ['early', 'earli'], ['only', 'onli'], ['singly', 'singl'],
    // Invariant: not plurals or -ly forms.
    ['sky', 'sky'], ['news', 'news'], ['howe', 'howe'],
    ['atlas', 'atlas'], ['cosmos', 'cosmos'], ['bias', 'bias'], ['andes', 'andes'],
  ]);
  // R1 starts right after these (generate/general keep "gener", not "gen").
  const R1_PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ', 'inter'];

  const POSSESSIVES = table([[DELETE, ["'", "'s", "'s'"]]]);
  const STEP_1A = table([['sses', ['sses']], ['ies', ['ied', 'ies']], ['s', ['s']], ['keep', ['us', 'ss']]]);
  const STEP_1B = table([['eed', ['eed', 'eedly']], ['ed', ['ed', 'edly', 'ingly']], ['ing', ['ing']]]);
  const EED_STEMS = ['proc', 'exc', 'succ'];
  const ING_STEMS = ['inn', 'out', 'cann', 'herr', 'earr', 'even'];
  // Doubles that step 1b undoes; cc, hh, jj, kk, qq, vv, ww, xx stay.
  const UNDOUBLED = 'bdfgmnprt';

  const STEP_2 = table([
    [to('tion'), ['tional']],
    [to('ence'), ['enci']],
    [to('ance'), ['anci']],
    [to('able'), ['abli']],
    [to('ent'), ['entli']],
    [to('ize'), ['izer', 'ization']],
    [to('ate'), ['ational', 'ation', 'ator']],
    [to('al'), ['alism', 'aliti', 'alli']],
    [to('ful'), ['fulness', 'fulli']],
    [to('ous'), ['ousli', 'ousness']],
    [to('ive'), ['iveness', 'iviti']],
    [to('ble'), ['biliti', 'bli']],
    [to('og'), ['ogist']],
    [to('og', 'l'), ['ogi']],
    [to('less'), ['lessli']],
    [to('', 'cdeghkmnrt'), ['li']],
  ]);
  const STEP_3 = table([
    [to('tion'), ['tional']],
    [to('ate'), ['ational']],
    [to('al'), ['alize']],
    [to('ic'), ['icate', 'iciti', 'ical']],
    [DELETE, ['ful', 'ness']],
    [{ to: '', after: null, inR2: true }, ['ative']],
  ]);
  const STEP_4 = table([
    [DELETE, ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate',
      'iti', 'ous', 'ive', 'ize']],
    [to('', 'st'), ['ion']],
  ]);

  const isVowel = (c) => 'aeiouy'.includes(c);

  function hasVowel(w, end) {
    for (let i = 0; i < end; i++) if (isVowel(w[i])) return true;
    return false;
  }

  // Drops a leading apostrophe and marks consonant y (initial, or after a vowel) as Y, so the
  // vowel tests skip it. Also returns whether any Y was set, i.e. whether the end must undo it.
  function prelude(word) {
    let w = word[0] === "'" ? word.slice(1) : word;
    let foundY = false;
    if (w[0] === 'y') {
      w = 'Y' + w.slice(1);
      foundY = true;
    }
    // Left to right, so in "ayy" only the first y follows a vowel (Y is not one).
    for (let i = 1; i < w.length; i++) {
      if (w[i] === 'y' && isVowel(w[i - 1])) {
        w = w.slice(0, i) + 'Y' + w.slice(i + 1);
        foundY = true;
      }
    }
    return [w, foundY];
  }

  // R1 and R2 as Porter2 defines them, except that R1 starts right after the R1_PREFIXES.
  function regions(w) {
    let index = 0;
    // `gopast v gopast non-v`: past the first vowel-then-consonant; false if the word ends first.
    const goPastVowelAndConsonant = () => {
      while (index < w.length && !isVowel(w[index])) index++;
      while (index < w.length && isVowel(w[index])) index++;
      if (index >= w.length) return false;
      index++;
      return true;
    };
    const prefix = R1_PREFIXES.find((p) => w.startsWith(p));
    if (prefix !== undefined) index = prefix.length;
    else if (!goPastVowelAndConsonant()) return [w.length, w.length];
    const r1 = index;
    return goPastVowelAndConsonant() ? [r1, index] : [r1, w.length];
  }

  // Porter2's short syllable ending at `end`: consonant, vowel, consonant other than w, x, Y
  // (hop, but not hew); a vowel and consonant at the very start (ab); or "past" (pasted → paste).
  function endsInShortSyllable(w, end) {
    if (end >= 3 && !isVowel(w[end - 1]) && !'wxY'.includes(w[end - 1]) && isVowel(w[end - 2]) && !isVowel(w[end - 3])) {
      return true;
    }
    if (end === 2 && isVowel(w[0]) && !isVowel(w[1])) return true;
    return end >= 4 && w.startsWith('past', end - 4);
  }

  // Possessives, then plurals.
  function step1a(word) {
    let w = word;
    const possessive = longestMatch(POSSESSIVES, w);
    if (possessive !== null) w = w.slice(0, w.length - possessive.s.length);
    const e = longestMatch(STEP_1A, w);
    if (e === null) return w;
    const start = w.length - e.s.length;
    switch (e.action) {
      case 'sses': return w.slice(0, -2);
      // ties → tie but cries → cri.
      case 'ies': return w.slice(0, start) + (start >= 2 ? 'i' : 'ie');
      // Only when a vowel comes before the letter preceding the s: gaps → gap, gas stays.
      case 's': return start >= 2 && hasVowel(w, start - 1) ? w.slice(0, -1) : w;
      default: return w;
    }
  }

  // -eed(ly) → -ee in R1; -ed, -edly, -ing, -ingly go after a vowel, then the stem is repaired.
  function step1b(w, r1) {
    const e = longestMatch(STEP_1B, w);
    if (e === null) return w;
    const start = w.length - e.s.length;
    const stem = w.slice(0, start);
    if (e.action === 'eed') {
      // proceed, exceed, succeed keep their -eed.
      return start >= r1 && !EED_STEMS.includes(stem) ? stem + 'ee' : w;
    }
    if (e.action === 'ing') {
      // dying → die, lying → lie, tying → tie, vying → vie.
      if (start === 2 && w[1] === 'y' && !isVowel(w[0])) return w[0] + 'ie';
      // inning, outing, canning, herring, earring, evening are not verb forms.
      if (ING_STEMS.includes(stem)) return w;
    }
    if (!hasVowel(w, start)) return w;

    const count = stem.length;
    if (count >= 2) {
      const pair = stem.slice(-2);
      // luxuriated → luxuriate, troubled → trouble, sized → size.
      if (pair === 'at' || pair === 'bl' || pair === 'iz') return stem + 'e';
      // hopped → hop, but added, egged, offed keep the double after a lone initial a/e/o.
      if (pair[0] === pair[1] && UNDOUBLED.includes(pair[1])) {
        return count === 3 && 'aeo'.includes(stem[0]) ? stem : stem.slice(0, -1);
      }
    }
    // hoping → hope: a short word (empty R1) ending in a short syllable gets its e back.
    return count === r1 && endsInShortSyllable(stem, count) ? stem + 'e' : stem;
  }

  // A final y or Y after a consonant that is not the first letter becomes i: cry → cri, by stays.
  function step1c(w) {
    const n = w.length;
    return n >= 3 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !isVowel(w[n - 2]) ? w.slice(0, -1) + 'i' : w;
  }

  // Steps 2–4: the longest listed ending is found in the whole word and then has to start in
  // `region`; Snowball does not fall back to a shorter ending when it does not.
  function apply(entries, w, region, r2) {
    const e = longestMatch(entries, w);
    if (e === null) return w;
    const start = w.length - e.s.length;
    const rule = e.action;
    if (start < region) return w;
    if (rule.after !== null && !(start > 0 && rule.after.includes(w[start - 1]))) return w;
    if (rule.inR2 && start < r2) return w;
    return w.slice(0, start) + rule.to;
  }

  // A final e goes in R2, or in R1 unless a short syllable precedes it; a final ll loses an l in R2.
  function step5(w, r1, r2) {
    const start = w.length - 1;
    if (w[start] === 'e') {
      if (start >= r2 || (start >= r1 && !endsInShortSyllable(w, start))) return w.slice(0, start);
    } else if (w[start] === 'l') {
      if (start >= r2 && start > 0 && w[start - 1] === 'l') return w.slice(0, start);
    }
    return w;
  }

  // Callers pass a lower-cased word. Every rule needs Latin letters, so other text comes back
  // unchanged, except that an apostrophe at either end goes (Snowball takes it for a possessive or a quote).
  A.stemEnglish = function (word) {
    const special = EXCEPTIONS.get(word);
    if (special !== undefined) return special;
    // Two letters or fewer are left alone.
    if (word.length < 3) return word;

    let [w, foundY] = prelude(word);
    const [r1, r2] = regions(w);
    w = step1a(w);
    w = step1b(w, r1);
    w = step1c(w);
    w = apply(STEP_2, w, r1, r2);
    w = apply(STEP_3, w, r1, r2);
    w = apply(STEP_4, w, r2, r2);
    w = step5(w, r1, r2);
    return foundY ? w.replaceAll('Y', 'y') : w;
  };
})(globalThis.Almanac ??= {});
