// normalize.js must cut and fold text exactly as the indexer does (SharedWordListTests.swift
// checks the Swift side against the same expectations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadRuntime, repositoryRoot } from '../../scripts/lib/search-runtime.mjs';

const Almanac = loadRuntime();
const folder = path.join(repositoryRoot, 'Tests/AlmanacTests/Fixtures/search');
const expected = JSON.parse(fs.readFileSync(path.join(folder, 'words.expected.json'), 'utf8'));
// The indexer's stop words (Stopwords.swift) as an index's meta.json carries them.
const stopwords = JSON.parse(fs.readFileSync(path.join(folder, 'stopwords.json'), 'utf8'));

test('the shared word list has the texts the expectations were made from', () => {
  const lines = fs.readFileSync(path.join(folder, 'words.txt'), 'utf8').split('\n').filter(Boolean);
  assert.deepEqual(expected.map((e) => e.text), lines);
});

test('tokenising, folding and terms agree with the Swift indexer on every line', () => {
  const analyzer = Almanac.normalize.createAnalyzer({ stopwords, languages: ['ru', 'en'] });
  for (const e of expected) {
    const words = Almanac.normalize.tokenize(e.text).map((t) => t.word);
    assert.deepEqual(words, e.words, e.text);
    assert.deepEqual(words.map((w) => analyzer.terms(w)), e.terms, e.text);
    assert.equal(Almanac.normalize.fold(e.text), e.fold, e.text);
  }
});

test('word offsets point into the NFC text, so highlights cover exactly the word', () => {
  const text = 'Кри\u0301зис, веб-сокет и ООО «Ромашка»';
  const nfc = text.normalize('NFC');
  const tokens = Almanac.normalize.tokenize(text);
  assert.deepEqual(tokens.map((t) => nfc.slice(t.start, t.end)), ['Кри\u0301зис', 'веб-сокет', 'и', 'ООО', 'Ромашка']);
});
