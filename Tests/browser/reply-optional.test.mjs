// Optional placeholders (`{name?}`) in the bundled templates: the field says «необязательно», is
// never refused, and left empty the copied text (and the preview, which is the same text) loses
// it cleanly — a paragraph it stood alone in goes with its blank line, a sentence inside a line
// goes with the space before it. Filled, it copies like any field; required fields are still
// refused. Over http and from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { missingChromium } from './lib/chromium.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { bundledToolSite, spoken, fillFields, pressCopy, copyText, readClipboard } from './lib/reply-tool.mjs';
import { contentFrontMatter, placeholdersIn, optionalIn, fillIn, sampleValues } from './lib/bundled-content.mjs';
import { missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
const site = bundledToolSite('almanac-optional-', [['hosted', []], ['offline', ['--offline']]], skip);

// Two shapes the bundled templates use, each with what the text should read without the field,
// derived from the template's own source so a writer's edit of the sentences does not break it.
const cases = [
  (() => {
    // A paragraph of its own in the main text.
    const t = contentFrontMatter('replies/support-screenshot.md');
    const [name] = optionalIn(t.reply);
    const paragraphs = t.reply.split('\n\n');
    assert.ok(paragraphs.includes(`{${name}?}`), `support-screenshot has «{${name}?}» as a paragraph of its own`);
    return { slug: 'replies/support-screenshot', panel: 'reply-main', text: t.reply, name, placeholders: t.placeholders,
      without: paragraphs.filter((p) => p !== `{${name}?}`).join('\n\n') };
  })(),
  (() => {
    // A sentence in the middle of a line of the Telegram variant.
    const t = contentFrontMatter('replies/mistaken-post.md');
    const text = t.variants.Telegram;
    const [name] = optionalIn(text);
    assert.match(text, new RegExp(`\\. \\{${name}\\?\\} \\p{Lu}`, 'u'), `mistaken-post's Telegram variant has «{${name}?}» between sentences`);
    return { slug: 'replies/mistaken-post', panel: 'variants-telegram', text, name, placeholders: t.placeholders,
      without: text.replace(` {${name}?}`, '') };
  })(),
];

async function check(base, c) {
  const page = await site.browser.newPage();
  await page.goto(base(c.slug + '/index.html'));
  if (c.panel !== 'reply-main') await page.click(`#tab-${c.panel}`);
  const uses = placeholdersIn(c.text);
  const required = Object.keys(c.placeholders).filter((n) => uses.includes(n) && n !== c.name);
  assert.ok(required.length > 0 && uses.includes(c.name), `${c.slug}: the text has required fields and the optional «${c.name}»`);
  const panelText = (id) => document.getElementById('panel-' + id).querySelector('.reply-text').textContent;
  const state = () => page.evaluate((id, name) => ({
    text: document.getElementById('panel-' + id).querySelector('.reply-text').textContent,
    marks: [...document.querySelectorAll('.reply-field:not([hidden]) [data-optional-mark]:not([hidden])')]
      .map((m) => [m.closest('.reply-field').dataset.field, m.textContent]),
    invalid: [...document.querySelectorAll('input[aria-invalid=true]')].map((i) => i.dataset.placeholder),
    status: document.querySelector('.copy-status').textContent,
    optionalVisible: !document.querySelector(`.reply-field[data-field="${name}"]`).hidden,
  }), c.panel, c.name);

  // Nothing filled: the optional field is marked, the text already reads without it.
  let s = await state();
  assert.deepEqual(s.marks, [[c.name, 'необязательно']], 'only the optional field says so');
  assert.equal(s.optionalVisible, true);
  assert.equal(s.text, c.without, 'the preview drops the empty optional field');

  // Required fields empty: refused, and only they are named and marked.
  await pressCopy(page);
  s = await state();
  assert.equal(s.status, 'Заполните: ' + required.map(spoken).join(', '));
  assert.deepEqual(s.invalid, required, 'the optional field is never marked invalid');

  // Required fields filled, the optional one empty: copies the text without it.
  const values = sampleValues(required);
  await fillFields(page, required, values);
  await copyText(page);
  const readBoth = async () => ({ shown: await page.evaluate(panelText, c.panel), clipboard: await readClipboard(page) });
  let copied = await readBoth();
  const expectedWithout = fillIn(c.without, values);
  assert.equal(copied.shown, expectedWithout, 'the shown text is the copied one');
  assert.ok(!/\{|  | [.,;:!?]|\n\n\n|\s$/.test(copied.shown), `no leftovers, double spaces or blank lines: ${JSON.stringify(copied.shown)}`);
  if (!copied.clipboard.startsWith('unreadable')) assert.equal(copied.clipboard, expectedWithout);
  assert.deepEqual((await state()).invalid, []);

  // Filled, the optional field copies like any other.
  values[c.name] = 'Проверили и исправили.';
  await page.type(`input[data-placeholder="${c.name}"]`, values[c.name]);
  await page.evaluate(() => { document.querySelector('.copy-status').textContent = ''; });
  await copyText(page);
  copied = await readBoth();
  assert.equal(copied.shown, fillIn(c.text, values));
  if (!copied.clipboard.startsWith('unreadable')) assert.equal(copied.clipboard, fillIn(c.text, values));

  // Emptied again: the preview goes back to the text without it.
  await page.evaluate((name) => {
    const input = document.querySelector(`input[data-placeholder="${name}"]`);
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, c.name);
  assert.equal(await page.evaluate(panelText, c.panel), expectedWithout);
  assert.deepEqual(page.errors, []);
}

test('over http: an optional field copies empty or filled, required ones are still refused', { skip }, async () => {
  const server = await serveDirectory(path.join(site.work, 'hosted'));
  try {
    for (const c of cases) await check((p) => server.url + p.replace(/index\.html$/, ''), c);
  } finally {
    await server.close();
  }
});

test('from file://: the same on the offline build', { skip }, async () => {
  for (const c of cases) await check((p) => pathToFileURL(path.join(site.work, 'offline', p)).href, c);
});
