/* Almanac search: text normalisation and tokenisation — the same rules as the indexer's
 * TextNormalizer.swift, Tokenizer.swift and TermAnalyzer.swift (a shared word list in
 * Tests/AlmanacTests/Fixtures/search/ checks that both sides agree). A classic script: it runs
 * from file:// and in Node alike, and defines Almanac.normalize. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});

  const LETTER = 1, DIGIT = 2, CONNECTOR = 3, APOSTROPHE = 4, NUMBER_JOINER = 5, IGNORABLE = 6, SEPARATOR = 7;
  const reLetter = /^\p{L}$/u, reDigit = /^\p{Nd}$/u, reIgnorable = /^[\p{M}\p{Cf}]$/u, reMark = /\p{M}/gu;

  function classify(cp) {
    if (cp < 0x80) {
      if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return LETTER;
      if (cp >= 0x30 && cp <= 0x39) return DIGIT;
      if (cp === 0x2d || cp === 0x5f) return CONNECTOR;
      if (cp === 0x27) return APOSTROPHE;
      if (cp === 0x2e || cp === 0x2c) return NUMBER_JOINER;
      return SEPARATOR;
    }
    if ((cp >= 0x410 && cp <= 0x44f) || cp === 0x401 || cp === 0x451) return LETTER;
    if (cp === 0x2010 || cp === 0x2011) return CONNECTOR;
    if (cp === 0x2019 || cp === 0x2bc) return APOSTROPHE;
    const ch = String.fromCodePoint(cp);
    if (reLetter.test(ch)) return LETTER;
    if (reDigit.test(ch)) return DIGIT;
    if (reIgnorable.test(ch)) return IGNORABLE;
    return SEPARATOR;
  }

  const otherFolds = new Map();

  /** The folded form of one letter or digit (see TextNormalizer.swift). */
  function foldChar(cp) {
    if (cp < 0x80) return String.fromCharCode(cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp);
    if (cp >= 0x400 && cp <= 0x4ff) {
      let lower = cp;
      if (cp >= 0x410 && cp <= 0x42f) lower = cp + 0x20;
      else if (cp >= 0x400 && cp <= 0x40f) lower = cp + 0x50;
      else if (cp >= 0x460) {
        const l = String.fromCodePoint(cp).toLowerCase();
        if ([...l].length === 1) lower = l.codePointAt(0);
      }
      if (lower === 0x451 || lower === 0x450) lower = 0x435;
      else if (lower === 0x45d) lower = 0x438;
      return String.fromCharCode(lower);
    }
    let folded = otherFolds.get(cp);
    if (folded === undefined) {
      folded = String.fromCodePoint(cp).toLowerCase().normalize('NFD').replace(reMark, '').replace(/ς/g, 'σ');
      otherFolds.set(cp, folded);
    }
    return folded;
  }

  /**
   * Words of a text: [{word, start, end}], `word` folded with compound parts joined by "-",
   * `start`/`end` offsets into `text.normalize('NFC')` (what callers display and highlight).
   */
  function tokenize(text) {
    const s = text.normalize('NFC');
    const words = [];
    let word = '', start = -1, end = -1, pending = 0, lastDigit = false, lastLetter = false;
    const emit = () => {
      if (word) words.push({ word, start, end });
      word = '';
      start = -1;
      pending = 0;
      lastDigit = lastLetter = false;
    };
    for (let i = 0; i < s.length; ) {
      const cp = s.codePointAt(i);
      const width = cp > 0xffff ? 2 : 1;
      const c = classify(cp);
      if (c === LETTER || c === DIGIT) {
        if (pending) {
          const joiner = pending;
          pending = 0;
          if (joiner === CONNECTOR) word += '-';
          else if (joiner === NUMBER_JOINER && lastDigit && c === DIGIT) word += '.';
          else if (!(joiner === APOSTROPHE && lastLetter && c === LETTER)) emit();
        }
        if (start < 0) start = i;
        word += foldChar(cp);
        end = i + width;
        lastDigit = c === DIGIT;
        lastLetter = c === LETTER;
      } else if (c === IGNORABLE) {
        // dropped without breaking the word
      } else if (c === CONNECTOR || c === APOSTROPHE || c === NUMBER_JOINER) {
        if (word && !pending) pending = c;
        else emit();
      } else {
        emit();
      }
      i += width;
    }
    emit();
    return words;
  }

  /** The folded form of a whole string, separators kept (TextNormalizer.fold). */
  function fold(text) {
    let out = '';
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0);
      const c = classify(cp);
      if (c === LETTER || c === DIGIT) out += foldChar(cp);
      else if (c !== IGNORABLE) out += ch;
    }
    return out;
  }

  /** Stop words, stems and compounds as in TermAnalyzer.swift. `stem` results are cached per word. */
  function createAnalyzer({ stopwords = [], languages = ['ru', 'en'] } = {}) {
    const stop = new Set(stopwords);
    const russian = languages.includes('ru') && typeof Almanac.stemRussian === 'function';
    const english = languages.includes('en') && typeof Almanac.stemEnglish === 'function';
    const cache = new Map();
    const MAX_WORD = 40;

    function stem(word) {
      let s = cache.get(word);
      if (s !== undefined) return s;
      let cyrillic = true, latin = true;
      for (let i = 0; i < word.length && (cyrillic || latin); i++) {
        const c = word.charCodeAt(i);
        if (!(c >= 0x430 && c <= 0x4ff)) cyrillic = false;
        if (!(c >= 0x61 && c <= 0x7a)) latin = false;
      }
      s = cyrillic && russian ? Almanac.stemRussian(word) : latin && english ? Almanac.stemEnglish(word) : word;
      if (cache.size > 50000) cache.clear();
      cache.set(word, s);
      return s;
    }

    function term(word) {
      if (stop.has(word)) return null;
      const chars = [...word];
      if (chars.length > MAX_WORD) return null;
      if (chars.length === 1 && classify(chars[0].codePointAt(0)) !== DIGIT) return null;
      return stem(word);
    }

    function terms(word) {
      const parts = word.split('-').filter(Boolean);
      if (parts.length <= 1) {
        const t = term(word);
        return t === null ? [] : [t];
      }
      const out = [];
      for (const p of parts) {
        const t = term(p);
        if (t !== null && !out.includes(t)) out.push(t);
      }
      const joined = parts.join('');
      const allStop = parts.every((p) => stop.has(p));
      if (!allStop && [...joined].some((ch) => classify(ch.codePointAt(0)) === LETTER)) {
        const t = term(joined);
        if (t !== null && !out.includes(t)) out.push(t);
      }
      return out;
    }

    return { stem, term, terms, isStopword: (w) => stop.has(w) };
  }

  Almanac.normalize = { tokenize, fold, foldChar, classify, createAnalyzer, LETTER, DIGIT };
})(globalThis);
