/* Almanac search, what a query says before any index is read: its words and quoted phrases,
 * which word is still being typed, how far two words are apart (typos), and what a query
 * typed on the wrong keyboard layout reads as. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});

  /** Whether the Damerau (optimal string alignment) distance of `a` and `b` is at most `k`; a
   *  band of width k around the diagonal, stopping once a whole row exceeds k. */
  function withinEdits(a, b, k) {
    if (k <= 1) return withinOneEdit(a, b);
    const la = a.length, lb = b.length;
    if (Math.abs(la - lb) > k) return false;
    const INF = k + 1;
    let prev2 = null, prev = new Array(lb + 1);
    for (let j = 0; j <= lb; j++) prev[j] = j;
    for (let i = 1; i <= la; i++) {
      const cur = new Array(lb + 1).fill(INF);
      cur[0] = i;
      let rowMin = cur[0];
      for (let j = Math.max(1, i - k); j <= Math.min(lb, i + k); j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = Math.min(v, INF);
        if (cur[j] < rowMin) rowMin = cur[j];
      }
      if (rowMin > k) return false;
      prev2 = prev;
      prev = cur;
    }
    return prev[lb] <= k;
  }

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

  // ---- keyboard layout -----------------------------------------------------------------

  /** The same keys on a QWERTY and a ЙЦУКЕН keyboard, punctuation keys that are Russian letters
   *  included. Shift+' (Э) is left out: `"` opens a quoted phrase and must stay one. */
  const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:ZXCVBNM<>~";
  const RUSSIAN_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЯЧСМИТЬБЮЁ';
  const TO_RUSSIAN = new Map([...LATIN_KEYS].map((c, i) => [c, RUSSIAN_KEYS[i]]));
  const TO_LATIN = new Map([...RUSSIAN_KEYS].map((c, i) => [c, LATIN_KEYS[i]]).concat([['Э', "'"]]));

  const scriptOf = (text) => (/[a-z]/i.test(text) ? 'latin' : /[а-яё]/i.test(text) ? 'cyrillic' : null);

  /** The script most term shards start in: the language the site is written in. */
  function mainScript(shards) {
    const count = { latin: 0, cyrillic: 0 };
    for (const s of shards) if (scriptOf(s[0] || '')) count[scriptOf(s[0])]++;
    return count.cyrillic >= count.latin ? 'cyrillic' : 'latin';
  }

  /** `text` as it reads typed on the other layout, or null unless it is letters of one script. */
  function otherLayout(text) {
    const latin = /[a-z]/i.test(text), russian = /[а-яё]/i.test(text);
    if (latin === russian) return null;
    const map = latin ? TO_RUSSIAN : TO_LATIN;
    let out = '';
    for (const c of text) out += map.get(c) || c;
    return out;
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

  Almanac.searchQuery = { withinEdits, withinOneEdit, scriptOf, mainScript, otherLayout, parseQuery };
})(globalThis);
