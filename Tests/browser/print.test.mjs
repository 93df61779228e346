// Paper, as agencies use it: Chromium prints the playbook and a reply template to PDF
// (Page.printToPDF). The playbook must start each part and each group of templates on a new
// page; the print stylesheet hides navigation and controls and keeps placeholders visible
// without background colours.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, missingChromium } from './lib/chromium.mjs';
import { buildFixture, missingBinary } from '../js/lib/fixture-site.mjs';

const skip = missingChromium || missingBinary;
let browser;
before(async () => { if (!skip) browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

async function printToPDF(page) {
  const { data } = await page.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: false });
  const pdf = Buffer.from(data, 'base64');
  // Each page is one `/Type /Page` object (the tree's root is `/Type /Pages`).
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
  return { bytes: pdf.length, pages, head: pdf.subarray(0, 5).toString('latin1') };
}

test('the playbook prints with a page per part and per situation, in a sensible number of pages', { skip }, async () => {
  const site = buildFixture('publishing', { offline: true });
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(site, 'playbook/index.html')).href);
  const shape = await page.evaluate(() => ({
    parts: document.querySelectorAll('.playbook-part').length,
    grouped: [...document.querySelectorAll('.playbook-part')].filter((p) => p.querySelector('.playbook-group')).length,
    groups: document.querySelectorAll('.playbook-group').length,
    items: document.querySelectorAll('.playbook-item').length,
  }));
  assert.deepEqual(shape, { parts: 2, grouped: 1, groups: 2, items: 5 });

  const pdf = await printToPDF(page);
  assert.equal(pdf.head, '%PDF-');
  assert.ok(pdf.bytes > 10_000, `PDF of ${pdf.bytes} bytes`);
  // Contents first; every part on a new page; every group but a part's first on a new page.
  const least = 1 + shape.parts + (shape.groups - shape.grouped);
  const most = least + shape.items;
  assert.ok(pdf.pages >= least && pdf.pages <= most, `${pdf.pages} pages, expected ${least}…${most}`);
  if (process.env.ALMANAC_DEBUG) console.log(`playbook: ${pdf.pages} pages, ${pdf.bytes} bytes`);

  await page.send('Emulation.setEmulatedMedia', { media: 'print' });
  const printed = await page.evaluate(() => {
    const shown = (s) => [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== 'none');
    const ph = document.querySelector('.playbook-item .ph');
    return {
      header: shown('.site-header'), sidebar: shown('.sidebar'), footer: shown('.site-footer'), printButton: shown('.print-button'),
      placeholder: ph.textContent, weight: getComputedStyle(ph).fontWeight, underline: getComputedStyle(ph).borderBottomStyle,
      background: getComputedStyle(document.body).backgroundColor,
      groupBreak: getComputedStyle(document.querySelectorAll('.playbook-group')[1]).breakBefore,
    };
  });
  assert.deepEqual(printed, {
    header: false, sidebar: false, footer: false, printButton: false, placeholder: '{имя}', weight: '700', underline: 'dotted',
    background: 'rgb(255, 255, 255)', groupBreak: 'page',
  });
});

test('a reply template prints on one or two pages without its form, in black on white even in dark mode', { skip }, async () => {
  const site = buildFixture('publishing', { offline: true });
  const page = await browser.newPage();
  await page.colorScheme('dark');
  await page.goto(pathToFileURL(path.join(site, 'replies/delay/index.html')).href);
  const pdf = await printToPDF(page);
  assert.ok(pdf.pages >= 1 && pdf.pages <= 2, `${pdf.pages} pages`);
  await page.send('Emulation.setEmulatedMedia', { media: 'print', features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
  const printed = await page.evaluate(() => ({
    form: getComputedStyle(document.querySelector('.reply-fields')).display,
    copy: getComputedStyle(document.querySelector('.copy-button')).display,
    text: getComputedStyle(document.body).color,
    reply: document.querySelector('#reply-main').textContent.includes('{номер_заказа}'),
  }));
  assert.deepEqual(printed, { form: 'none', copy: 'none', text: 'rgb(0, 0, 0)', reply: true });
});
