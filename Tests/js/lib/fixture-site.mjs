// Builds Tests/AlmanacTests/Fixtures sites with the almanac binary into temporary folders, once
// per process and variant, for the search runtime tests. Tests skip (with this reason) when the
// binary has not been built: `swift build` first, or set ALMANAC_BIN.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../../../scripts/lib/search-runtime.mjs';

export const almanacBinary = process.env.ALMANAC_BIN || path.join(repositoryRoot, '.build/debug/almanac');
export const missingBinary = fs.existsSync(almanacBinary) ? false : `needs the almanac binary at ${almanacBinary} (swift build)`;

const built = new Map();

/** Output folder of `almanac build Fixtures/<name> [--offline]`. */
export function buildFixture(name, { offline = false } = {}) {
  const key = `${name}:${offline}`;
  if (!built.has(key)) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `almanac-${name}-`));
    const args = ['build', path.join(repositoryRoot, 'Tests/AlmanacTests/Fixtures', name), '--output', path.join(out, 'public'), '--quiet'];
    if (offline) args.push('--offline');
    execFileSync(almanacBinary, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    built.set(key, path.join(out, 'public'));
    process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  }
  return built.get(key);
}

/**
 * Output folder of `almanac build` of the bundled knowledge base (the repository itself), once
 * per process and variant. `editConfig(text)` rewrites almanac.yml in a private copy of the site.
 */
export function buildBundledSite({ offline = false, editConfig = null, name = 'bundled' } = {}) {
  const key = `bundled:${name}:${offline}`;
  if (!built.has(key)) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `almanac-${name}-`));
    let site = repositoryRoot;
    if (editConfig) {
      site = path.join(out, 'site');
      for (const part of ['content', 'templates']) fs.cpSync(path.join(repositoryRoot, part), path.join(site, part), { recursive: true });
      fs.writeFileSync(path.join(site, 'almanac.yml'), editConfig(fs.readFileSync(path.join(repositoryRoot, 'almanac.yml'), 'utf8')));
    }
    const args = ['build', site, '--output', path.join(out, 'public'), '--quiet'];
    if (offline) args.push('--offline');
    execFileSync(almanacBinary, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    built.set(key, path.join(out, 'public'));
    process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  }
  return built.get(key);
}
