// The reply tool of the bundled knowledge base as a PR specialist uses it in the first hour:
// fill in the placeholders, see every variant update as you type, copy the variant you need once
// the fields it uses are filled.
// Over http and from file://, since agencies open the site from disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { missingChromium } from './lib/chromium.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { bundledToolSite, spoken, fillFields, pressCopy, copyText, readClipboard } from './lib/reply-tool.mjs';
import { contentFrontMatter, placeholdersIn, fillIn, sampleValues } from './lib/bundled-content.mjs';
import { missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
const site = bundledToolSite('almanac-reply-', [['hosted', []], ['offline', ['--offline']]], skip);

const errors = (page) => page.errors;

// What the test expects comes from the template's own front matter, so a writer's edit of the
// sentences does not break it, while a variant the tool fills or copies wrongly still does.
const template = contentFrontMatter('replies/abusive-comment.md');
const mainUses = placeholdersIn(template.reply);
// A channel variant with a field the main text does not use: that field shows only with its tab.
const [variantKey, variantText] = Object.entries(template.variants || {})
  .find(([, t]) => placeholdersIn(t).some((n) => !mainUses.includes(n))) || [];
const own = variantText && placeholdersIn(variantText).find((n) => !mainUses.includes(n));
// A field the main text and the variant share: typed once, it shows in both.
const shared = variantText && mainUses.find((n) => placeholdersIn(variantText).includes(n));

async function fillAndCopy(url) {
  assert.ok(variantKey && own && shared, 'abusive-comment has a variant with a field of its own and a field it shares with the main text');
  const page = await site.browser.newPage();
  await page.goto(url);
  // A value with markup must come out as text, in the page and in the copied reply.
  const values = { [shared]: '<b>Анна</b>' };
  await page.type(`input[data-placeholder="${shared}"]`, values[shared]);
  const ownField = `input[data-placeholder="${own}"]`;
  assert.equal(await page.evaluate((s) => document.querySelector(s).closest('.reply-field').hidden, ownField), true,
    `«${own}» is used only by the ${variantKey} variant: its field is hidden with the main text`);
  // The variant's panel is the one that uses exactly the variant's fields, in its order.
  const panel = await page.evaluate((uses) => [...document.querySelectorAll('[data-panel]')]
    .find((p) => p.dataset.uses === uses && p.dataset.panel.startsWith('variants-'))?.dataset.panel, placeholdersIn(variantText).join(' '));
  assert.ok(panel, `a panel uses «${own}»`);
  await page.click(`#tab-${panel}`);
  values[own] = 'help@example.ru';
  await page.type(ownField, values[own]);
  const shown = await page.evaluate((id) => ({
    main: document.querySelector('#reply-main').textContent,
    variant: document.getElementById(id).querySelector('.reply-text').textContent,
    bold: document.querySelectorAll('.reply-text b').length,
  }), `panel-${panel}`);
  assert.equal(shown.main, fillIn(template.reply, values), 'the main text fills live, the rest stays visible');
  assert.equal(shown.variant, fillIn(variantText, values), `the ${variantKey} variant fills live`);
  assert.equal(shown.bold, 0, 'typed markup stays text');

  // Copying the variant with fields it uses still empty copies nothing and names them.
  const missing = Object.keys(template.placeholders).filter((n) => placeholdersIn(variantText).includes(n) && !(n in values));
  assert.ok(missing.length > 0, `the ${variantKey} variant has a field left to fill`);
  const refused = await pressCopy(page);
  assert.equal(refused.status, 'Заполните: ' + missing.map(spoken).join(', '));
  assert.deepEqual(refused.invalid, missing);
  Object.assign(values, sampleValues(missing));
  await fillFields(page, missing, values);
  await copyText(page);
  const copied = await page.evaluate((id) => ({
    text: document.getElementById(id).querySelector('.reply-text').textContent,
    button: document.querySelector('#copy-button').textContent.trim(),
  }), `panel-${panel}`);
  copied.clipboard = await readClipboard(page);
  assert.equal(copied.text, fillIn(variantText, values));
  assert.ok(!copied.text.includes('{'), copied.text);
  assert.equal(copied.button, 'Скопировано');
  if (!copied.clipboard.startsWith('unreadable')) assert.equal(copied.clipboard, copied.text);
  assert.deepEqual(errors(page), []);
}

test('over http: placeholders fill every variant live and a variant copies with them', { skip }, async () => {
  const server = await serveDirectory(path.join(site.work, 'hosted'));
  try {
    await fillAndCopy(server.url + 'replies/abusive-comment/');
  } finally {
    await server.close();
  }
});

test('from file://: the same reply tool works on the offline build', { skip }, async () => {
  await fillAndCopy(pathToFileURL(path.join(site.work, 'offline', 'replies/abusive-comment/index.html')).href);
});
