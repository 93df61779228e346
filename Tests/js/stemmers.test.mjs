// The browser's stemmers (templates/assets/search/stem-{ru,en}.js) against Snowball's official
// vocabularies, plus the contract the search runtime relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scripts = path.join(repoRoot, 'templates/assets/search');
const require = createRequire(import.meta.url);
require(path.join(scripts, 'stem-ru.js'));
require(path.join(scripts, 'stem-en.js'));
const { stemRussian, stemEnglish } = globalThis.Almanac;

// Snowball's vocabularies are shared next to the repository (<repo root>/../shared), not committed.
const snowballData = path.resolve(repoRoot, '../shared/snowball');
const vocabularyMissing = ['russian', 'english'].every((language) =>
  ['voc.txt', 'output.txt'].every((file) => existsSync(path.join(snowballData, language, file))))
  ? false
  : `needs Snowball's vocabularies in ${snowballData}`;

function lines(language, file) {
  return readFileSync(path.join(snowballData, language, file), 'utf8').split('\n').filter((line) => line !== '');
}

function assertReproduces(language, count, stem) {
  const words = lines(language, 'voc.txt');
  const stems = lines(language, 'output.txt');
  assert.equal(words.length, count);
  assert.equal(stems.length, count);
  const mismatches = [];
  words.forEach((word, i) => {
    const got = stem(word);
    if (got !== stems[i]) mismatches.push(`${word} → ${got}, expected ${stems[i]}`);
  });
  assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} of ${count} words differ`);
}

test('Russian stemmer reproduces the official vocabulary', { skip: vocabularyMissing }, () => {
  assertReproduces('russian', 49785, stemRussian);
});

test('English stemmer reproduces the official vocabulary', { skip: vocabularyMissing }, () => {
  assertReproduces('english', 42649, stemEnglish);
});

test('empty and foreign words come back unchanged', () => {
  for (const word of ['', 'hello', '2024', 'naïve', 'x-ray', '日本語', '🎉']) assert.equal(stemRussian(word), word);
  for (const word of ['', 'привет', 'ёлка', '2024', '日本語', '🎉']) assert.equal(stemEnglish(word), word);
});

test('Russian samples, ё included', () => {
  const samples = {
    абонемента: 'абонемент', длинной: 'длин', лошадьми: 'лошадьм', поезжайте: 'поезжа', радостью: 'радост',
    размышления: 'размышлен', сказанный: 'сказа', улыбнувшись: 'улыбнувш',
    актёр: 'актер', берёзовый: 'березов', ёлка: 'елк', '🎉книгами': '🎉книг',
  };
  for (const [word, stem] of Object.entries(samples)) assert.equal(stemRussian(word), stem, word);
});

test('English samples', () => {
  const samples = {
    generously: 'generous', dying: 'die', hopping: 'hop', hoping: 'hope', skies: 'sky', news: 'news',
    cried: 'cri', gaps: 'gap', gas: 'gas', added: 'add', pasted: 'paste', proceedings: 'proceed',
    sayings: 'say', happy: 'happi', "'s": "'s", electricity: 'electr',
    international: 'internat', internal: 'internal', internment: 'internment',
  };
  for (const [word, stem] of Object.entries(samples)) assert.equal(stemEnglish(word), stem, word);
});

test('the scripts are classic scripts that add to an existing Almanac namespace', () => {
  // As in a page: no module system, other scripts may have set up Almanac first.
  const context = vm.createContext({ Almanac: { other: 1 } });
  for (const file of ['stem-ru.js', 'stem-en.js']) {
    vm.runInContext(readFileSync(path.join(scripts, file), 'utf8'), context, { filename: file });
  }
  const almanac = vm.runInContext('Almanac', context);
  assert.equal(almanac.other, 1);
  assert.equal(almanac.stemRussian('книгами'), 'книг');
  assert.equal(almanac.stemEnglish('running'), 'run');
});
