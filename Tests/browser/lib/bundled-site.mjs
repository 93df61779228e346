// The bundled knowledge base served over http to a headless Chromium, for the tests of a file.
import { before, after } from 'node:test';
import { launch } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';
import { buildBundledSite } from '../../js/lib/fixture-site.mjs';

/**
 * Registers the file's `before` and `after`: Chromium launched and the bundled site built and
 * served over http; then both closed. Returns `{ browser, server }`, set once `before` has run
 * (nothing is done when `skip`).
 */
export function servedBundledSite(skip) {
  const site = { browser: null, server: null };
  before(async () => {
    if (skip) return;
    site.browser = await launch();
    site.server = await serveDirectory(buildBundledSite());
  });
  after(async () => {
    if (site.browser) await site.browser.close();
    if (site.server) await site.server.close();
  });
  return site;
}
