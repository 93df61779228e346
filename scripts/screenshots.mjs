#!/usr/bin/env node
// Builds the bundled knowledge base and takes the README's screenshots in headless Chromium:
//   docs/screenshots/home.png      home page, 1366×768
//   docs/screenshots/reply.png     a reply template, 1366×768
//   docs/screenshots/search-phone.png  the header search with results on a phone, 375×667
//
//   node scripts/screenshots.mjs                 # the three README images, light scheme
//   node scripts/screenshots.mjs --review DIR    # every page kind, light and dark, laptop and phone, into DIR
//   node scripts/screenshots.mjs --review DIR --offline   # the same from an offline build opened as file://
//
// Needs the almanac binary (swift build, or ALMANAC_BIN) and Chromium (or CHROMIUM).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch, missingChromium } from '../Tests/browser/lib/chromium.mjs';
import { serveDirectory } from '../Tests/browser/lib/static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = process.env.ALMANAC_BIN || path.join(root, '.build/debug/almanac');
if (missingChromium) { console.error(missingChromium); process.exit(2); }
if (!fs.existsSync(binary)) { console.error(`no almanac binary at ${binary}: run swift build first`); process.exit(2); }

const reviewAt = process.argv.indexOf('--review');
const reviewDir = reviewAt > 0 ? path.resolve(process.argv[reviewAt + 1] || 'screenshots-review') : null;
const outDir = reviewDir || path.join(root, 'docs/screenshots');
fs.mkdirSync(outDir, { recursive: true });

const offline = process.argv.includes('--offline');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'almanac-shots-'));
const site = path.join(work, 'public');
execFileSync(binary, ['build', root, '--output', site, '--quiet', ...(offline ? ['--offline'] : [])],
  { stdio: ['ignore', 'ignore', 'inherit'] });
const server = await serveDirectory(site);
// A page by its folder (`replies/x/`, with an optional `?query`): from the server, or from disk as
// an agency opens the offline zip, where a folder link names its index.html.
const at = (p) => {
  if (!offline) return server.url + p;
  const [folder, query] = p.split('?');
  return 'file://' + site + '/' + folder + 'index.html' + (query ? '?' + query : '');
};
const browser = await launch();

async function shoot(name, url, [width, height], { scheme = 'light', prepare = null } = {}) {
  const page = await browser.newPage();
  await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
  await page.colorScheme(scheme);
  await page.goto(url);
  if (prepare) await prepare(page);
  await new Promise((r) => setTimeout(r, 250)); // transitions and the rail's current section settle
  const file = path.join(outDir, name + '.png');
  await page.screenshot(file);
  if (page.errors.length) console.error(`${name}: ${page.errors.join('; ')}`);
  await browser.send('Target.closeTarget', { targetId: page.targetId }).catch(() => {});
  console.log(path.relative(process.cwd(), file));
}

const phoneSearch = async (page) => {
  await page.focus('#search-input');
  await page.type('задержка доставки');
  await page.waitFor('#search-listbox:not([hidden]) [role=option]', { timeout: 10000 });
};

try {
  const laptop = [1366, 768], phone = [375, 667];
  if (!reviewDir) {
    await shoot('home', server.url, laptop);
    await shoot('reply', server.url + 'replies/delivery-delay/', laptop);
    await shoot('search-phone', server.url + 'replies/', phone, { prepare: phoneSearch });
  } else {
    const pages = { home: '', reply: 'replies/delivery-delay/', 'reply-tabs': 'replies/incident-update/', replies: 'replies/',
      cases: 'cases/', case: 'cases/sila-data-leak/', principle: 'principles/speed/', 'first-hour': 'first-hour/',
      guide: 'guides/decision-guide/', 'search-page': 'search/?q=' + encodeURIComponent('задержка'), tags: 'tags/', playbook: 'playbook/' };
    for (const scheme of ['light', 'dark']) {
      for (const [size, dims] of Object.entries({ laptop, phone })) {
        for (const [name, p] of Object.entries(pages)) await shoot(`${name}-${size}-${scheme}`, at(p), dims, { scheme });
      }
      await shoot(`drawer-phone-${scheme}`, at('replies/delivery-delay/'), phone, {
        scheme, prepare: (page) => page.click('[data-menu-button]') });
      await shoot(`search-phone-${scheme}`, at('replies/'), phone, { scheme, prepare: phoneSearch });
    }
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
