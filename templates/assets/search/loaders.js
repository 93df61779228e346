/* Almanac search, how index pieces arrive: fetch over http, or script elements from file://,
 * where browsers refuse fetch. Either loader is handed to Almanac.search.createEngine. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});
  const { base64Bytes } = Almanac.searchPieces;

  /**
   * Over http: JSON and .bin pieces through fetch. The build id (meta.build) is appended to
   * piece URLs so a browser cache never mixes pieces of two builds.
   */
  function fetchLoader(base, { fetch = global.fetch.bind(global) } = {}) {
    let version = '';
    return async function load(path) {
      // meta.json is revalidated every time (a 304 costs nothing): a stale copy would point at
      // shards of another build. Everything else carries the build id and may be cached.
      const response = path === 'meta.json'
        ? await fetch(base + path, { cache: 'no-cache' })
        : await fetch(base + path + (version ? '?v=' + version : ''));
      if (!response.ok) throw new Error(`search index piece ${path}: HTTP ${response.status}`);
      if (path.endsWith('.json')) {
        const json = await response.json();
        if (path === 'meta.json') version = json.build || '';
        return json;
      }
      return new Uint8Array(await response.arrayBuffer());
    };
  }

  /**
   * From file://, where browsers refuse fetch: each piece x.bin has a twin x.js that calls
   * Almanac.searchData("x.bin", base64). A <script> element loads it; no inline code, no eval.
   */
  function scriptLoader(base, { document = global.document } = {}) {
    const waiting = new Map();
    Almanac.searchData = (path, data) => {
      const w = waiting.get(path);
      if (!w) return;
      waiting.delete(path);
      w.resolve(typeof data === 'string' ? base64Bytes(data) : data);
    };
    return function load(path) {
      return new Promise((resolve, reject) => {
        waiting.set(path, { resolve, reject });
        const script = document.createElement('script');
        script.src = base + path.replace(/\.(bin|json)$/, '.js');
        script.async = true;
        script.onerror = () => {
          waiting.delete(path);
          reject(new Error(`search index piece ${path}: could not load ${script.src}`));
        };
        script.onload = () => script.remove();
        document.head.appendChild(script);
      });
    };
  }

  Almanac.searchLoaders = { fetchLoader, scriptLoader };
})(globalThis);
