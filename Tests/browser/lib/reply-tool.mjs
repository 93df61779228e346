// The reply tool (reply pages and internal documents) as browser tests drive it: the bundled
// site built into a temporary folder, a Chromium allowed to use the clipboard, and the reader's
// steps — fill the fields, press «Скопировать», read what was copied.
import { before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './chromium.mjs';
import { almanacBinary } from '../../js/lib/fixture-site.mjs';
import { repositoryRoot } from '../../../scripts/lib/search-runtime.mjs';

/** A placeholder's name as the refusal message says it. */
export const spoken = (name) => name.replaceAll('_', ' ');

/**
 * Registers the file's `before` and `after`: the bundled site built once for each
 * `[folder, extra build arguments]` of `builds` into a temporary folder (`''` is the folder
 * itself), and Chromium launched with clipboard permission; then both closed and removed.
 * Returns `{ browser, work }`, set once `before` has run (nothing is done when `skip`).
 */
export function bundledToolSite(prefix, builds, skip) {
  const site = { browser: null, work: null };
  before(async () => {
    if (skip) return;
    site.work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const [name, extra] of builds) {
      execFileSync(almanacBinary, ['build', repositoryRoot, '--output', path.join(site.work, name), '--quiet', ...extra],
        { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    site.browser = await launch();
    await site.browser.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] }).catch(() => {});
  });
  after(async () => {
    if (site.browser) await site.browser.close();
    if (site.work) fs.rmSync(site.work, { recursive: true, force: true });
  });
  return site;
}

/** Types `values[name]` into the field of each of `names`, in that order. */
export async function fillFields(page, names, values) {
  for (const name of names) await page.type(`input[data-placeholder="${name}"]`, values[name]);
}

/** Presses «Скопировать» and waits for the status line to say anything: the status and the fields marked invalid. */
export async function pressCopy(page) {
  await page.click('#copy-button');
  await page.waitFor(() => document.querySelector('.copy-status').textContent !== '');
  return page.evaluate(() => ({
    status: document.querySelector('.copy-status').textContent,
    invalid: [...document.querySelectorAll('input[aria-invalid=true]')].map((i) => i.dataset.placeholder),
  }));
}

/** Presses «Скопировать» and waits until the status says the text was copied. */
export async function copyText(page) {
  await page.click('#copy-button');
  await page.waitFor(() => document.querySelector('.copy-status').textContent === 'Текст скопирован');
}

/** What the clipboard holds, or `unreadable: …` where the browser does not let the page read it. */
export function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText().catch((e) => 'unreadable: ' + e.message));
}
