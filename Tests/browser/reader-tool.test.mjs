// A practitioner mid-crisis on a laptop (1366×768) and on a phone (375×667), over http and from
// file://: the reply template's copy button is on the first screen, an empty field stops the copy
// and is named, a copy says «Скопировано», channel variants are keyboard tabs, the desktop sidebar
// stays with the reader down a long page, the phone drawer opens and closes, nothing scrolls
// sideways at 320 and 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { serveDirectory } from './lib/static-server.mjs';
import { contentFrontMatter, placeholdersIn, fillIn, sampleValues } from './lib/bundled-content.mjs';
import { buildBundledSite, missingBinary } from '../js/lib/fixture-site.mjs';
import { overflowing } from './lib/layout.mjs';

const skip = missingChromium || missingBinary;
let browser, server;
before(async () => {
  if (skip) return;
  browser = await launch();
  await browser.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] }).catch(() => {});
  server = await serveDirectory(buildBundledSite());
});
after(async () => {
  if (server) await server.close();
  if (browser) await browser.close();
});

const sizes = { laptop: [1366, 768], phone: [375, 667] };
const url = (mode, p) => (mode === 'http' ? server.url + p
  : pathToFileURL(path.join(buildBundledSite({ offline: true }), p, 'index.html')).href);

async function pageAt([width, height]) {
  const page = await browser.newPage();
  await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
  return page;
}

const copyBox = () => {
  const r = document.querySelector('#copy-button').getBoundingClientRect();
  return { top: Math.round(r.top), bottom: Math.round(r.bottom), width: Math.round(r.width), viewport: innerHeight, scrollY };
};
const status = () => document.querySelector('.copy-status').textContent;
const clipboard = () => navigator.clipboard.readText().catch((e) => 'unreadable: ' + e.message);

// The template the copy tests fill, as its writers wrote it: what it uses and what it must copy.
const delivery = contentFrontMatter('replies/delivery-delay.md');
const expectedMissing = Object.keys(delivery.placeholders).filter((n) => placeholdersIn(delivery.reply).includes(n));

for (const mode of ['http', 'file']) {
  for (const [name, size] of Object.entries(sizes)) {
    test(`${mode}, ${name}: «Скопировать» and the start of the text are on the first screen of a template`, { skip }, async () => {
      const page = await pageAt(size);
      await page.goto(url(mode, 'replies/delivery-delay/'));
      const box = await page.evaluate(copyBox);
      assert.equal(box.scrollY, 0);
      assert.ok(box.width > 0 && box.top >= 0 && box.bottom <= box.viewport, `copy button at ${JSON.stringify(box)}`);
      const text = await page.evaluate(() => Math.round(document.querySelector('.reply-panel:not([hidden]) .reply-text').getBoundingClientRect().top));
      assert.ok(text < size[1] * 0.75, `the reply text starts at y=${text}`);
      assert.deepEqual(page.errors, []);
    });
  }

  test(`${mode}: copying with empty fields copies nothing and names them; filled, it copies and says «Скопировано»`, { skip }, async () => {
    const page = await pageAt(sizes.phone);
    await page.goto(url(mode, 'replies/delivery-delay/'));
    await page.evaluate(() => navigator.clipboard.writeText('прежнее содержимое').catch(() => {}));
    const before = await page.evaluate(clipboard);
    await page.click('#copy-button');
    await page.waitFor(() => document.querySelector('.copy-status').textContent !== '');
    const refused = await page.evaluate(() => ({
      status: document.querySelector('.copy-status').textContent,
      invalid: [...document.querySelectorAll('input[aria-invalid=true]')].map((i) => i.dataset.placeholder),
      label: document.querySelector('#copy-button').textContent.trim(),
      live: document.querySelector('.copy-status').getAttribute('aria-live'),
      nextToButton: document.querySelector('#copy-button').parentElement.contains(document.querySelector('.copy-status')),
    }));
    // The fields the main text uses, named in the form's order: read from the template itself.
    assert.ok(expectedMissing.length >= 2, `delivery-delay's main text uses ${expectedMissing.length} fields`);
    assert.deepEqual(refused.invalid, expectedMissing);
    assert.equal(refused.status, 'Заполните: ' + expectedMissing.map((n) => n.replaceAll('_', ' ')).join(', '));
    assert.equal(refused.label, 'Скопировать');
    assert.equal(refused.live, 'polite');
    assert.ok(refused.nextToButton);
    assert.equal(await page.evaluate(clipboard), before, 'the clipboard is unchanged');
    if (mode === 'http') assert.equal(before, 'прежнее содержимое', 'the clipboard is readable in this test');

    const values = sampleValues(expectedMissing);
    for (const [key, value] of Object.entries(values)) await page.type(`input[data-placeholder="${key}"]`, value);
    assert.equal(await page.evaluate(() => document.querySelectorAll('input[aria-invalid=true]').length), 0, 'typing clears aria-invalid');
    await page.click('#copy-button');
    await page.waitFor(() => document.querySelector('.copy-status').textContent === 'Текст скопирован');
    const copied = await page.evaluate(() => ({
      label: document.querySelector('#copy-button').textContent.trim(),
      text: document.querySelector('#reply-main').textContent,
    }));
    assert.equal(copied.label, 'Скопировано');
    assert.equal(copied.text, fillIn(delivery.reply, values));
    assert.ok(!copied.text.includes('{'), copied.text);
    const now = await page.evaluate(clipboard);
    if (mode === 'http' || !now.startsWith('unreadable')) assert.equal(now, copied.text);
    assert.deepEqual(page.errors, []);
  });
}

test('every template of the bundled base has «Скопировать» on the first screen, laptop and phone', { skip }, async () => {
  const list = await pageAt(sizes.laptop);
  await list.goto(url('http', 'replies/'));
  const templates = await list.evaluate(() => [...document.querySelectorAll('.listing-items a')].map((a) => new URL(a.href).pathname.slice(1)));
  assert.ok(templates.length >= 20, `${templates.length} templates`);
  const misplaced = [];
  for (const size of Object.values(sizes)) {
    const page = await pageAt(size);
    for (const p of templates) {
      await page.goto(url('http', p));
      const box = await page.evaluate(copyBox);
      if (!(box.top >= 0 && box.bottom <= box.viewport)) misplaced.push(`${size[0]}px /${p}: ${box.top}–${box.bottom}`);
    }
  }
  assert.deepEqual(misplaced, []);
});

// The reader's path as a whole: from the home page's search to a template whose «Скопировать» is
// already on the screen, with nothing scrolled — on a laptop and a phone, served and from disk.
for (const mode of ['http', 'file']) {
  test(`${mode}: the first search hit for a situation opens its template with «Скопировать» on the first screen`, { skip }, async () => {
    for (const [name, size] of Object.entries(sizes)) {
      const page = await pageAt(size);
      await page.goto(url(mode, ''));
      await page.focus('#search-input');
      await page.type('задержка доставки');
      await page.waitFor('#search-listbox:not([hidden]) [role=option]', { timeout: 10000 });
      const loaded = page.waitForEvent('Page.loadEventFired');
      await page.press('ArrowDown');
      await page.press('Enter');
      await loaded;
      const landed = await page.evaluate(() => location.pathname);
      assert.match(landed, /replies\/delivery-delay\/(index\.html)?$/, `${name}: the first hit is the template itself`);
      const box = await page.evaluate(copyBox);
      assert.ok(box.top >= 0 && box.bottom <= box.viewport && box.scrollY === 0, `${name}: copy button at ${JSON.stringify(box)}`);
      assert.deepEqual(page.errors, []);
    }
  });
}

test('channel variants are ARIA tabs: arrows, Home and End switch them, each shows its fields and the channel limit', { skip }, async () => {
  const page = await pageAt(sizes.laptop);
  await page.goto(url('http', 'replies/incident-update/'));
  const state = () => page.evaluate(() => ({
    tabs: [...document.querySelectorAll('[role=tab]')].map((t) => `${t.textContent.trim()}:${t.getAttribute('aria-selected')}:${t.tabIndex}`),
    shown: [...document.querySelectorAll('[role=tabpanel]')].filter((p) => !p.hidden).map((p) => p.id),
    focus: document.activeElement.id,
    fields: [...document.querySelectorAll('.reply-field')].filter((f) => !f.hidden).map((f) => f.dataset.field),
    uses: document.querySelector('[role=tabpanel]:not([hidden])').dataset.uses.split(' '),
    count: document.querySelector('[data-char-count]').textContent,
  }));
  const first = await state();
  assert.ok(first.tabs.length >= 2, JSON.stringify(first.tabs));
  assert.match(first.tabs[0], /:true:0$/);
  assert.equal(first.shown.length, 1);
  assert.deepEqual(first.fields, first.uses, 'only the fields the shown text uses');
  await page.focus('[role=tab][aria-selected=true]');
  await page.press('ArrowRight');
  const second = await state();
  assert.match(second.tabs[1], /:true:0$/);
  assert.match(second.tabs[0], /:false:-1$/);
  assert.equal(second.focus, second.tabs.length && (await page.evaluate(() => document.querySelectorAll('[role=tab]')[1].id)));
  assert.notDeepEqual(second.shown, first.shown);
  assert.deepEqual(second.fields, second.uses);
  await page.press('End');
  await page.press('Home');
  assert.deepEqual((await state()).shown, first.shown);
  await page.press('ArrowLeft');
  const last = await state();
  assert.match(last.tabs.at(-1), /:true:0$/, 'ArrowLeft from the first tab wraps to the last');
  // The Telegram variant counts against Telegram's 4096 characters.
  const telegram = await page.evaluate(() => [...document.querySelectorAll('[role=tab]')].findIndex((t) => t.textContent.startsWith('Telegram')));
  assert.ok(telegram > 0, 'incident-update has a Telegram variant');
  await page.evaluate((i) => document.querySelectorAll('[role=tab]')[i].click(), telegram);
  assert.match((await state()).count, /^Знаков: \d+ из 4096$/);
  assert.deepEqual(page.errors, []);
});

test('desktop: the sidebar stays on screen down a long page and marks the current page', { skip }, async () => {
  const page = await pageAt(sizes.laptop);
  await page.goto(url('http', 'first-hour/'));
  const probe = () => page.evaluate(() => {
    const nav = document.querySelector('#site-nav');
    const r = nav.getBoundingClientRect();
    const current = nav.querySelector('[aria-current=page]');
    const c = current.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: innerHeight, scrollY: Math.round(scrollY),
      current: current.textContent, currentVisible: c.top >= r.top && c.bottom <= innerHeight, inDetails: !!nav.closest('details') };
  });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.5));
  const scrolled = await probe();
  assert.ok(scrolled.scrollY > 1500, `a long page: scrolled to ${scrolled.scrollY}`);
  assert.ok(scrolled.top >= 0 && scrolled.top < 80 && scrolled.bottom >= scrolled.height - 2, `sidebar at ${JSON.stringify(scrolled)}`);
  assert.equal(scrolled.current, 'Первый час кризиса');
  assert.ok(scrolled.currentVisible);
  assert.equal(scrolled.inDetails, false);
  // The urgent pages come first, in the reader's colour, not greyed out.
  const urgent = await page.evaluate(() => [...document.querySelectorAll('#site-nav a')].filter((a) => a.getClientRects().length).slice(0, 2).map((a) => ({
    text: a.textContent, colour: getComputedStyle(a).color, weight: getComputedStyle(a).fontWeight })));
  assert.deepEqual(urgent.map((u) => u.text), ['Первый час кризиса', 'Отвечать, передать или не трогать']);
  assert.ok(urgent.every((u) => Number(u.weight) >= 600), JSON.stringify(urgent));
  // The last template of a long section: its link is scrolled into the sidebar on arrival.
  await page.goto(url('http', 'replies/'));
  const last = await page.evaluate(() => [...document.querySelectorAll('#site-nav [aria-current=page] + .nav-list a')].at(-1).href);
  await page.goto(last);
  const arrived = await probe();
  assert.equal(arrived.scrollY, 0);
  assert.ok(arrived.currentVisible, `«${arrived.current}» is visible in the sidebar`);
});

for (const mode of ['http', 'file']) {
  test(`${mode}, phone: the menu button opens the drawer; Escape, the close button and leaving it close it`, { skip }, async () => {
    const page = await pageAt(sizes.phone);
    await page.goto(url(mode, 'replies/delivery-delay/'));
    const state = () => page.evaluate(() => {
      const r = document.querySelector('#site-nav').getBoundingClientRect();
      const b = document.querySelector('[data-menu-button]');
      const s = document.querySelector('#search-input').getBoundingClientRect();
      return { onScreen: r.right > 10 && r.left >= 0 && getComputedStyle(document.querySelector('#site-nav')).visibility === 'visible',
        expanded: b.getAttribute('aria-expanded'), focus: document.activeElement.textContent.trim().slice(0, 40),
        button: b.getBoundingClientRect().top >= 0, search: s.width > 100 && s.top >= 0 && s.bottom < 60 };
    });
    const closed = await state();
    assert.deepEqual({ onScreen: closed.onScreen, expanded: closed.expanded, button: closed.button, search: closed.search },
      { onScreen: false, expanded: 'false', button: true, search: true });
    await page.click('[data-menu-button]');
    await new Promise((r) => setTimeout(r, 300));
    const opened = await state();
    assert.equal(opened.onScreen, true);
    assert.equal(opened.expanded, 'true');
    assert.equal(opened.focus, 'Задержка доставки', 'focus goes to the current page in the drawer');
    await page.press('Escape');
    await new Promise((r) => setTimeout(r, 300));
    const escaped = await state();
    assert.equal(escaped.onScreen, false);
    assert.equal(escaped.expanded, 'false');
    assert.equal(await page.evaluate(() => document.activeElement.matches('[data-menu-button]')), true, 'focus returns to the menu button');
    await page.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await state()).onScreen, true, 'Enter on the menu button opens it');
    await page.click('[data-menu-close]');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await state()).onScreen, false);
    // Focus moving out of the open drawer (to the search box) closes it: nothing is trapped.
    await page.click('[data-menu-button]');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await state()).onScreen, true);
    await page.focus('#search-input');
    await new Promise((r) => setTimeout(r, 300));
    const left = await state();
    assert.equal(left.onScreen, false);
    assert.equal(left.expanded, 'false');
    // Scrolled far down, the header with the menu and the search is still there.
    await page.evaluate(() => window.scrollTo(0, 3000));
    const down = await state();
    assert.ok(down.button && down.search, JSON.stringify(down));
    assert.deepEqual(page.errors, []);
  });
}

test('keyboard: two Tabs and Enter from the top reach «Скопировать»', { skip }, async () => {
  const page = await pageAt(sizes.phone);
  await page.goto(url('http', 'replies/delivery-delay/'));
  await page.press('Tab');
  await page.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Перейти к кнопке «Скопировать»');
  await page.press('Enter');
  const focus = await page.evaluate(() => ({ id: document.activeElement.id, outline: getComputedStyle(document.activeElement).outlineStyle }));
  assert.deepEqual(focus, { id: 'copy-button', outline: 'solid' });
});

test('no sideways scrolling at 320 and 375 px on the bundled base', { skip }, async () => {
  for (const width of [320, 375]) {
    const page = await pageAt([width, 667]);
    for (const p of ['', 'first-hour/', 'replies/', 'replies/delivery-delay/', 'replies/incident-update/', 'cases/', 'cases/sila-data-leak/',
      'principles/speed/', 'guides/decision-guide/', 'glossary/']) {
      await page.goto(server.url + p);
      const wide = await overflowing(page, '.visually-hidden, [hidden], pre, .sidebar, .reply-tabs, .content table');
      assert.deepEqual(wide, [], `${width}px /${p} overflows`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width}px /${p} scrolls sideways`);
    }
  }
});
