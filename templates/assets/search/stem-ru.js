// The Snowball Russian stemmer (snowballstem.org, algorithms/russian.sbl) for the browser search.
// Twin of Sources/Almanac/Search/Stemming/RussianStemmer.swift, which stems the index: the two
// must stay step-for-step identical or queries stop matching indexed words.
// A classic script (not a module) so that it loads from file:// too; it defines Almanac.stemRussian.
(function (A) {
  'use strict';

  // Snowball's `among`: listed endings, longest first, so the first hit is the longest match.
  // Each entry carries the `action` its group of endings calls for.
  function table(groups) {
    const entries = [];
    for (const [action, suffixes] of groups) for (const s of suffixes) entries.push({ s, action });
    return entries.sort((a, b) => b.s.length - a.s.length);
  }

  // The longest listed ending of word[0, end) starting no earlier than `limit`, or null. Like
  // Snowball, callers commit to it: a failed condition does not fall back to a shorter ending.
  function longestMatch(entries, word, end, limit) {
    for (const e of entries) {
      const start = end - e.s.length;
      if (start >= limit && word.startsWith(e.s, start)) return e;
    }
    return null;
  }

  // What an ending of step 1 needs from the letter before it.
  const PLAIN = 0; // nothing: cut wherever it stands in RV
  const AFTER_A_OR_YA = 1; // group 1 of the gerund, participle and verb endings: only after а or я (in RV)

  const PERFECTIVE_GERUND = table([
    [AFTER_A_OR_YA, ['в', 'вши', 'вшись']],
    [PLAIN, ['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись']],
  ]);
  const ADJECTIVE = table([
    [PLAIN, ['ее', 'ие', 'ые', 'ое', 'ими', 'ыми', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым', 'ом',
      'его', 'ого', 'ему', 'ому', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею']],
  ]);
  // Snowball leaves out -им, -уем, -енн on purpose: cutting them conflates unrelated words.
  const PARTICIPLE = table([
    [AFTER_A_OR_YA, ['ем', 'нн', 'вш', 'ющ', 'щ']],
    [PLAIN, ['ивш', 'ывш', 'ующ']],
  ]);
  const REFLEXIVE = table([[PLAIN, ['ся', 'сь']]]);
  const VERB = table([
    [AFTER_A_OR_YA, ['ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют', 'ны',
      'ть', 'ешь', 'нно']],
    [PLAIN, ['ила', 'ыла', 'ена', 'ейте', 'уйте', 'ите', 'или', 'ыли', 'ей', 'уй', 'ил', 'ыл', 'им',
      'ым', 'ен', 'ило', 'ыло', 'ено', 'ят', 'ует', 'уют', 'ит', 'ыт', 'ены', 'ить', 'ыть',
      'ишь', 'ую', 'ю']],
  ]);
  const NOUN = table([
    [PLAIN, ['а', 'ев', 'ов', 'ие', 'ье', 'е', 'иями', 'ями', 'ами', 'еи', 'ии', 'и', 'ией', 'ей',
      'ой', 'ий', 'й', 'иям', 'ям', 'ием', 'ем', 'ам', 'ом', 'о', 'у', 'ах', 'иях', 'ях', 'ы',
      'ь', 'ию', 'ью', 'ю', 'ия', 'ья', 'я']],
  ]);
  const DERIVATIONAL = table([[PLAIN, ['ост', 'ость']]]);
  const SUPERLATIVE = 1; // -ейш(е): cut, then undouble a final нн
  const DOUBLE_N = 2; // a final н: cut only when doubled
  const SOFT_SIGN = 3; // a final ь: cut
  const TIDY_UP = table([[SUPERLATIVE, ['ейш', 'ейше']], [DOUBLE_N, ['н']], [SOFT_SIGN, ['ь']]]);

  const VOWELS = 'аеиоуыэюя';

  // RV starts after the first vowel; R2 is Snowball's usual second region (after vowel,
  // non-vowel, vowel, non-vowel). Either is the word's end when the word runs out first.
  function regions(w) {
    let index = 0;
    // `gopast`: moves past the first letter whose vowel-ness is `vowel`; false at the end.
    const goPast = (vowel) => {
      while (index < w.length) {
        index++;
        if (VOWELS.includes(w[index - 1]) === vowel) return true;
      }
      return false;
    };
    if (!goPast(true)) return [w.length, w.length];
    const rv = index;
    if (!goPast(false) || !goPast(true) || !goPast(false)) return [rv, w.length];
    return [rv, index];
  }

  // Callers pass a lower-cased word. Every step only cuts endings, so the word stays as it is
  // and `end` moves left; text without Cyrillic vowels has no region to cut in.
  A.stemRussian = function (word) {
    // Current Snowball treats ё as е (the official output has no ё at all). It must happen
    // before the regions are found: ё is not a vowel to the algorithm.
    const w = word.includes('ё') ? word.replaceAll('ё', 'е') : word;
    const [rv, r2] = regions(w);
    let end = w.length;
    // Everything below happens within RV: endings and the letters tested before them.

    // Cuts the longest listed ending if its condition holds; returns whether it did.
    const cut = (entries) => {
      const e = longestMatch(entries, w, end, rv);
      if (e === null) return false;
      const start = end - e.s.length;
      if (e.action === AFTER_A_OR_YA && !(start > rv && (w[start - 1] === 'а' || w[start - 1] === 'я'))) return false;
      end = start;
      return true;
    };

    // Step 1: one inflectional ending.
    if (!cut(PERFECTIVE_GERUND)) {
      cut(REFLEXIVE);
      if (cut(ADJECTIVE)) cut(PARTICIPLE);
      else if (!cut(VERB)) cut(NOUN);
    }

    // Step 2: a final и, because the noun ending -ию was taken as the verb ending -ю.
    if (end > rv && w[end - 1] === 'и') end--;

    // Step 3: the derivational -ост(ь), only from R2.
    const derivational = longestMatch(DERIVATIONAL, w, end, rv);
    if (derivational !== null && end - derivational.s.length >= r2) end -= derivational.s.length;

    // Step 4: tidy up.
    const tidy = longestMatch(TIDY_UP, w, end, rv);
    if (tidy !== null) {
      const start = end - tidy.s.length;
      if (tidy.action === SUPERLATIVE) {
        end = start;
        if (end - 2 >= rv && w[end - 1] === 'н' && w[end - 2] === 'н') end--;
      } else if (tidy.action === DOUBLE_N) {
        if (start - 1 >= rv && w[start - 1] === 'н') end--;
      } else {
        end = start;
      }
    }

    return end === w.length ? w : w.slice(0, end);
  };
})(globalThis.Almanac ??= {});
