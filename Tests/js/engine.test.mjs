// Query semantics of engine.js on the search-site fixture, through the loader a web server uses.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadRuntime, diskLoader } from '../../scripts/lib/search-runtime.mjs';
import { buildFixture, missingBinary } from './lib/fixture-site.mjs';

const Almanac = loadRuntime();
let site, engine;
before(() => {
  if (missingBinary) return;
  site = buildFixture('search-site');
  engine = Almanac.search.createEngine({ load: diskLoader(site) });
});
const urls = (r) => r.results.map((x) => x.url.split('#')[0]);
const marked = (parts) => parts.filter((p) => p.mark).map((p) => p.text);
const t = (name, fn) => test(name, { skip: missingBinary }, fn);

t('every word must match, in any grammatical form', async () => {
  const r = await engine.search('кризисная коммуникация ');
  assert.equal(r.partial, false);
  assert.deepEqual(urls(r), ['articles/crisis/', 'cases/outage/']);
});

t('a title match ranks above a body match, and a reply template above an equal article', async () => {
  const r = await engine.search('коммуникации ');
  assert.equal(urls(r)[0], 'articles/crisis/', 'title «Кризисные коммуникации…» before body text');
  const speed = await engine.search('заказ ');
  assert.ok(urls(speed).indexOf('replies/delay/') < urls(speed).indexOf('cases/outage/'));
});

t('when no page has every word, the best partial matches are shown and flagged', async () => {
  const r = await engine.search('оплата зебра ');
  assert.equal(r.partial, true);
  assert.deepEqual(urls(r), ['cases/outage/']);
  assert.equal(r.results[0].partial, true);
  const none = await engine.search('зебра жираф ');
  assert.deepEqual(none.results, []);
});

t('the word being typed matches as a prefix, a finished word does not', async () => {
  assert.ok(urls(await engine.search('модер')).includes('articles/unsafe/'), '«модер» → «модерация»');
  assert.deepEqual(urls(await engine.search('модер ')), [], 'followed by a space it is a whole word');
  assert.ok(urls(await engine.search('скорость реак')).includes('principles/speed/'));
});

t('a typed stop word does not narrow the results while the next word is awaited', async () => {
  const r = await engine.search('заказ на');
  assert.deepEqual(new Set(urls(r)), new Set(urls(await engine.search('заказ '))));
});

t('one typo is forgiven in words of five letters or more, but not in short words', async () => {
  assert.ok(urls(await engine.search('комуникация ')).includes('articles/crisis/'), 'deletion');
  assert.ok(urls(await engine.search('кмомуникация ')).includes('articles/crisis/'), 'transposition');
  assert.ok(urls(await engine.search('доствка ')).includes('replies/delay/'), 'missing letter');
  assert.ok(urls(await engine.search('мониторинк ')).includes('articles/crisis/'), 'substitution');
  assert.deepEqual(urls(await engine.search('сбоц ')), [], 'four letters: no guessing');
});

t('a word on a page or two is also read as a typo of a much more common word', async () => {
  const { LIMITS } = Almanac.search;
  const ratio = LIMITS.rareWordRatio;
  LIMITS.rareWordRatio = 2; // the fixture is small: «доставк» is on 3 pages, the typo on 1
  try {
    const r = urls(await engine.search('доставкка '));
    assert.ok(r.includes('cases/outage/'), 'the page with the word as typed stays');
    assert.ok(r.includes('replies/delay/'), r.join(' '));
  } finally {
    LIMITS.rareWordRatio = ratio;
  }
  assert.deepEqual(urls(await engine.search('доставкка ')), ['cases/outage/'], 'not when the common word is not common enough');
});

t('a quoted phrase needs its words together and in order', async () => {
  const phrase = await engine.search('"ответ на отзыв"');
  assert.deepEqual(urls(phrase), ['articles/crisis/']);
  assert.equal(phrase.results[0].heading, 'Ответ на отзыв');
  const reversed = await engine.search('"отзыв на ответ компании"');
  assert.equal(reversed.results[0].heading, 'Отзыв на ответ');
  assert.deepEqual(urls(await engine.search('"отзыв о доставке"')), ['replies/negative-review/']);
  const scattered = await engine.search('"доставке отзыв"');
  assert.deepEqual(urls(scattered), ['replies/negative-review/'], 'both words are on the page, not together: a partial match');
  assert.equal(scattered.partial, true);
});

t('synonyms serve every form, multi-word ones included', async () => {
  const a = urls(await engine.search('жалобы '));
  assert.ok(a.includes('replies/negative-review/'), '«жалобы» → synonym «негатив» (tag) and «негативный отзыв»');
  const b = urls(await engine.search('социальных сетях '));
  assert.ok(b.includes('replies/delay/'), '«социальные сети» → «соцсети»');
  assert.ok(b.includes('articles/crisis/'));
});

t('compounds match written with a hyphen, together or apart', async () => {
  for (const q of ['веб-сокет ', 'вебсокет ', 'веб сокет ']) {
    assert.ok(urls(await engine.search(q)).includes('cases/outage/'), q);
  }
});

t('a hyphenated word still being typed completes as written together, on either layout', async () => {
  // «веб-сок» → «вебсокет», the indexed form of «веб-сокет»; «сок» alone is no word of the site.
  const typed = await engine.search('веб-сок');
  assert.ok(urls(typed).includes('cases/outage/'), urls(typed).join(' '));
  assert.equal(typed.partial, false);
  const swapped = await engine.search('dt,-cjr');
  assert.equal(swapped.corrected, 'веб-сок');
  assert.deepEqual(urls(swapped), urls(typed));
});

t('filters by type, section, tag and status narrow results', async () => {
  const all = urls(await engine.search('заказ '));
  assert.ok(all.length >= 2);
  assert.deepEqual(urls(await engine.search('заказ ', { filters: { type: ['reply'] } })).sort(),
    ['replies/delay/', 'replies/negative-review/']);
  assert.deepEqual(urls(await engine.search('заказ ', { filters: { status: 'согласовано' } })), ['replies/negative-review/']);
  assert.deepEqual(urls(await engine.search('заказ ', { filters: { tag: ['Доставка'] } })), ['replies/delay/']);
  assert.deepEqual(urls(await engine.search('заказ ', { filters: { section: 'cases' } })), ['cases/outage/']);
  assert.deepEqual(urls(await engine.search('заказ ', { filters: { type: ['reply', 'case'], tag: 'кризис' } })), ['cases/outage/']);
  const facets = await engine.facets();
  assert.deepEqual(facets.type.find((v) => v[0] === 'reply'), ['reply', 'Шаблон ответа', 2]);
});

t('results deep-link to the heading whose section matched best, with the matches marked', async () => {
  const r = await engine.search('курьер ');
  assert.equal(r.results[0].url, 'replies/delay/#otvet');
  assert.equal(r.results[0].heading, 'Ответ');
  assert.deepEqual(marked(r.results[0].snippet), ['курьер']);
  const forms = await engine.search('упоминание бренда ');
  assert.deepEqual(marked(forms.results[0].snippet), ['упоминаниями', 'бренда']);
});

t('page data is returned as text parts: markup in titles and text is never interpreted', async () => {
  const r = await engine.search('опасный ');
  const hit = r.results[0];
  assert.equal(hit.title, "<script>alert('title')</script> Опасный заголовок");
  assert.equal(hit.titleParts.map((p) => p.text).join(''), hit.title);
  const html = Almanac.search.partsToHTML(hit.titleParts);
  assert.ok(!html.includes('<script>') && html.includes('&lt;script&gt;') && html.includes('<mark>Опасный</mark>'));
  const code = await engine.search('модерация ');
  const snippet = Almanac.search.partsToHTML(code.results.find((x) => x.url === 'articles/unsafe/').snippet);
  assert.ok(snippet.includes('&lt;script&gt;alert(&quot;code&quot;)&lt;/script&gt;'), snippet);
});

t('English words are stemmed as English', async () => {
  assert.deepEqual(urls(await engine.search('runs ')), ['articles/english/']);
  assert.deepEqual(urls(await engine.search('moderator ')), ['articles/english/']);
});

t('an index of another major version is refused with a clear message', async () => {
  const load = diskLoader(site);
  const other = Almanac.search.createEngine({
    load: async (p) => (p === 'meta.json' ? { ...(await load(p)), version: '2.0' } : load(p)),
  });
  await assert.rejects(other.search('кризис'), /версии 2\.0.*ожидалась версия 1\.x/);
});
