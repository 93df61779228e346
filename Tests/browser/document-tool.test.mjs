// Internal documents (content/documents/) use the reply page's tool: the main text and each block
// as tabs, the fields they use, and the same safe copying — an empty field is named and nothing
// is copied. The on-call specialist fills a field once and the main text and every block that
// uses it show the same fact. From file://, since the offline bundle is what sits on the duty
// laptop. Expectations come from the document's own front matter, so a writer's edit of the
// call-centre script does not break the test, and a block the page drops or fills wrongly does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { missingChromium } from './lib/chromium.mjs';
import { bundledToolSite, spoken, fillFields, pressCopy, copyText, readClipboard } from './lib/reply-tool.mjs';
import { contentFrontMatter, placeholdersIn, fillIn, sampleValues } from './lib/bundled-content.mjs';
import { missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
const site = bundledToolSite('almanac-document-', [['', ['--offline']]], skip);

test('a document fills its main text and every block from one field, refuses to copy with an empty field, and a block copies filled', { skip }, async () => {
  const doc = contentFrontMatter('documents/support-script.md');
  const texts = [['main', doc.text], ...Object.entries(doc.variants)];
  assert.ok(texts.length >= 3, 'the call-centre script has a main text and blocks');
  // The field most texts share, the main one among them: what the specialist fills once.
  const usedBy = (name) => texts.filter(([, t]) => placeholdersIn(t).includes(name)).map(([k]) => k);
  const shared = placeholdersIn(doc.text).sort((a, b) => usedBy(b).length - usedBy(a).length)[0];
  assert.ok(usedBy(shared).length >= 3, `«${shared}» is used by the main text and at least two blocks`);
  // A block that uses the shared field and others: it shows the refusal, then copies filled.
  const [blockKey, blockText] = Object.entries(doc.variants)
    .filter(([, t]) => placeholdersIn(t).includes(shared) && placeholdersIn(t).length > 1)[0] || [];
  assert.ok(blockKey, `a block uses «${shared}» and another field`);

  const page = await site.browser.newPage();
  await page.goto(pathToFileURL(path.join(site.work, 'documents/support-script/index.html')).href);
  const layout = await page.evaluate(() => ({
    heading: document.querySelector('[data-reply-tool] h2').textContent,
    tabs: [...document.querySelectorAll('[data-reply-tool] [role=tab]')].map((t) => t.textContent.trim()),
    panels: [...document.querySelectorAll('[data-reply-tool] [data-panel]')].map((p) => p.querySelector('.reply-text').textContent),
    live: document.querySelector('.copy-status').getAttribute('aria-live'),
    sticky: getComputedStyle(document.querySelector('.reply-actions')).position,
    copyButtons: document.querySelectorAll('[data-reply-tool] button.copy-button').length,
  }));
  assert.equal(layout.heading, 'Текст документа');
  assert.deepEqual(layout.tabs.slice(1), Object.keys(doc.variants), 'a tab per block, in the document\'s order');
  assert.deepEqual(layout.panels, texts.map(([, t]) => t), 'the main text and every block, placeholders shown as written');
  assert.equal(layout.live, 'polite');
  assert.equal(layout.sticky, 'sticky', 'the copy bar stays on screen');
  assert.equal(layout.copyButtons, 1, 'one copy button for the text shown');

  await page.type(`input[data-placeholder="${shared}"]`, 'A-1042');
  const filled = await page.evaluate(() => [...document.querySelectorAll('[data-reply-tool] [data-panel] .reply-text')].map((t) => t.textContent));
  assert.deepEqual(filled, texts.map(([, t]) => fillIn(t, { [shared]: 'A-1042' })), 'one field fills every text that uses it; the rest stay visible');

  // The block: its other fields are empty, so the copy is refused and they are named.
  await page.evaluate((key) => [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.trim() === key).click(), blockKey);
  await page.evaluate(() => navigator.clipboard.writeText('прежнее содержимое').catch(() => {}));
  const before = await readClipboard(page);
  // Named in the order of the form's fields (the `placeholders` map), as the reader sees them.
  const missing = Object.keys(doc.placeholders).filter((n) => n !== shared && placeholdersIn(blockText).includes(n));
  const refused = await pressCopy(page);
  assert.equal(refused.status, 'Заполните: ' + missing.map(spoken).join(', '));
  assert.deepEqual(refused.invalid, missing);
  assert.equal(await readClipboard(page), before, 'nothing copied');

  const values = { ...sampleValues(missing), [shared]: 'A-1042' };
  await fillFields(page, missing, values);
  await copyText(page);
  const copied = await page.evaluate(() => ({
    shown: document.querySelector('[data-panel]:not([hidden]) .reply-text').textContent,
    button: document.querySelector('#copy-button').textContent.trim(),
  }));
  copied.clipboard = await readClipboard(page);
  assert.equal(copied.shown, fillIn(blockText, values));
  assert.ok(!copied.shown.includes('{'), copied.shown);
  assert.equal(copied.button, 'Скопировано');
  if (!copied.clipboard.startsWith('unreadable')) assert.equal(copied.clipboard, copied.shown);
  assert.deepEqual(page.errors, []);
});
