// Loads the browser's search scripts into Node's global scope — the very same files, no copy —
// and reads index pieces from a built site on disk, either as the .bin/.json files a web server
// would send or through the .js twins an offline build adds for file://.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCRIPTS = ['stem-ru.js', 'stem-en.js', 'normalize.js', 'pieces.js', 'loaders.js', 'query.js', 'limits.js', 'index.js', 'clauses.js', 'results.js', 'engine.js'];

/** Runs the classic scripts from `dir` (a site's assets/search/ or the theme's) once per process. */
export function loadRuntime(dir = path.join(repositoryRoot, 'templates/assets/search')) {
  if (!globalThis.Almanac?.search) {
    for (const name of SCRIPTS) {
      const file = path.join(dir, name);
      vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
    }
  }
  return globalThis.Almanac;
}

/** The scripts a built site ships, else the theme's. */
export function runtimeDirectory(siteDir) {
  const shipped = path.join(siteDir, 'assets/search');
  return fs.existsSync(path.join(shipped, 'engine.js')) ? shipped : path.join(repositoryRoot, 'templates/assets/search');
}

/**
 * A loader for Almanac.search.createEngine reading `siteDir/search/`. `via: 'script'` evaluates
 * the offline .js twins, which call Almanac.searchData as they would in a browser. `onLoad(path,
 * bytes)` sees every piece with its size on disk, for byte accounting.
 */
export function diskLoader(siteDir, { via = 'bin', onLoad = () => {} } = {}) {
  const base = path.join(siteDir, 'search');
  const Almanac = globalThis.Almanac;
  return async function load(piece) {
    if (via === 'script') {
      const file = path.join(base, piece.replace(/\.(bin|json)$/, '.js'));
      const code = await fs.promises.readFile(file, 'utf8');
      onLoad(piece, Buffer.byteLength(code));
      let received;
      const previous = Almanac.searchData;
      Almanac.searchData = (p, data) => { if (p === piece) received = data; };
      try { vm.runInThisContext(code, { filename: file }); } finally { Almanac.searchData = previous; }
      if (received === undefined) throw new Error(`${file} did not call Almanac.searchData("${piece}", …)`);
      return typeof received === 'string' ? Uint8Array.from(Buffer.from(received, 'base64')) : received;
    }
    const data = await fs.promises.readFile(path.join(base, piece));
    onLoad(piece, data.length);
    return piece.endsWith('.json') ? JSON.parse(data.toString('utf8')) : new Uint8Array(data.buffer, data.byteOffset, data.length);
  };
}
