#!/usr/bin/env node
// Runs axe-core in headless Chromium over the pages readers meet most — home, a reply template,
// a case, a principle, a listing, the search page with results, the header search opened, the
// playbook, «Что нового» — in the light and the dark colour scheme, at desktop and phone width.
// Fails on any serious or critical violation, or when some kind of page was found in none of the sites.
//
//   node scripts/check-a11y.mjs AXE_JS SITE_OUTPUT... [--report FILE]
//
// Each SITE_OUTPUT is a built site (served here over http on 127.0.0.1); AXE_JS is axe.min.js
// (the PyPI package axe-selenium-python ships one; `make check-html` installs it). Minor and
// moderate findings are printed but do not fail the run.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../Tests/browser/lib/chromium.mjs';
import { serveDirectory } from '../Tests/browser/lib/static-server.mjs';

const args = process.argv.slice(2);
const reportIndex = args.indexOf('--report');
const reportFile = reportIndex >= 0 ? args.splice(reportIndex, 2)[1] : null;
const [axePath, ...sites] = args;
if (!axePath || sites.length === 0) {
  console.error('usage: check-a11y.mjs AXE_JS SITE_OUTPUT... [--report FILE]');
  process.exit(2);
}
const axeSource = fs.readFileSync(axePath, 'utf8');

/** The first page under `folder` of the given type, found by its body class. */
function firstOfType(site, folder, type) {
  const dir = path.join(site, folder);
  if (!fs.existsSync(dir)) return null;
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'index.html');
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(`<body class="type-${type}`)) return `${folder}/${name}/`;
  }
  return null;
}

const exists = (site, p) => (fs.existsSync(path.join(site, p, 'index.html')) ? p : null);
const pagesOf = (site) => [
  { name: 'home', path: '' },
  { name: 'reply template', path: firstOfType(site, 'replies', 'reply') },
  { name: 'document', path: firstOfType(site, 'documents', 'document') },
  { name: 'case', path: firstOfType(site, 'cases', 'case') },
  { name: 'listing', path: exists(site, 'replies/') },
  { name: 'search page with results', path: 'search/?q=ответ', wait: '.search-results li' },
  { name: 'playbook', path: exists(site, 'playbook/') },
  { name: 'principle', path: firstOfType(site, 'principles', 'principle') },
  { name: 'what\'s new', path: exists(site, 'whats-new/') },
  // The authors' area; its writers' guide shows tables in their scroll box, callouts, task lists and footnotes.
  { name: 'writers\' guide', path: exists(site, 'docs/writing/') },
  { name: 'header search open', path: '', typeInto: '#search-input', text: 'ответ', wait: '#search-listbox:not([hidden]) [role=option]' },
];
const viewports = [{ name: 'desktop', width: 1280, height: 800 }, { name: 'phone', width: 375, height: 740 }];

const blocking = [];
const report = [];
const checked = new Set();

async function checkPage(browser, site, server, p, viewport, scheme) {
  const page = await browser.newPage();
  try {
    await page.send('Emulation.setDeviceMetricsOverride', {
      width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: viewport.name === 'phone',
    });
    await page.colorScheme(scheme);
    await page.goto(server.url + p.path);
    if (p.typeInto) {
      await page.focus(p.typeInto);
      await page.type(p.text);
    }
    if (p.wait) await page.waitFor(p.wait, { timeout: 10000 });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      }));
    });
    checked.add(p.name);
    const label = `${p.name} (${p.path || '/'}, ${viewport.name}, ${scheme})`;
    report.push({ site, page: label, violations });
    if (violations.length === 0) console.log(`ok ${label}`);
    for (const v of violations) {
      const line = `${v.impact.padEnd(8)} ${label}: ${v.id} — ${v.help}\n           ${v.nodes.join('\n           ')}`;
      console.log(line);
      if (v.impact === 'serious' || v.impact === 'critical') blocking.push(line);
    }
  } finally {
    await browser.send('Target.closeTarget', { targetId: page.targetId });
  }
}

const browser = await launch();
try {
  for (const site of sites) {
    console.log(`# ${site}`);
    const server = await serveDirectory(path.resolve(site));
    try {
      for (const p of pagesOf(site)) {
        if (p.path === null) {
          console.log(`- ${p.name}: none in this site`);
          continue;
        }
        for (const viewport of viewports) {
          for (const scheme of ['light', 'dark']) await checkPage(browser, site, server, p, viewport, scheme);
        }
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}

if (reportFile) fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
const unchecked = pagesOf(sites[0]).map((p) => p.name).filter((n) => !checked.has(n));
if (unchecked.length) {
  console.error(`axe: no site had a page of these kinds: ${unchecked.join(', ')}`);
  process.exit(1);
}
if (blocking.length) {
  console.error(`axe: ${blocking.length} serious or critical violation(s)`);
  process.exit(1);
}
console.log(`axe: ${report.length} page checks, no serious or critical violations`);
