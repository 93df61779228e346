/* Almanac search, the numbers its behaviour turns on: when a word completes or forgives a typo,
 * how much a synonym or a weak word weighs, how snippets are cut. One place, so that a change
 * of behaviour is a change of a number here. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});

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

  Almanac.searchLimits = { LIMITS, WEIGHT };
})(globalThis);
