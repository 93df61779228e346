/* Almanac search, the index's bytes: the code page its text is written in, and the readers of
 * each kind of piece (term shards, lexicons, page fragments, filters). docs/search-index.md
 * describes the format; Sources/AlmanacSearch/IndexFormat/ writes it. No DOM, no I/O. */
(function (global) {
  'use strict';
  const Almanac = (global.Almanac = global.Almanac || {});

  /** Byte 0x80 + i of the code page stands for CODE_PAGE[i] (IndexFormat/CodePage.swift). */
  const CODE_PAGE = [];
  for (let c = 0x430; c <= 0x44f; c++) CODE_PAGE.push(c);
  for (let c = 0x410; c <= 0x42f; c++) CODE_PAGE.push(c);
  CODE_PAGE.push(0x451, 0x401, 0xab, 0xbb, 0x2014, 0x2013, 0x2026, 0x201c, 0x201d, 0x201e, 0x2116, 0x2019, 0xa0,
    0x2018, 0x2022, 0xb7);
  const utf8 = new TextDecoder();

  function decodeText(bytes, start, end) {
    let out = '';
    const codes = [];
    const flush = () => {
      for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode.apply(null, codes.slice(k, k + 8192));
      codes.length = 0;
    };
    for (let i = start; i < end; ) {
      const b = bytes[i++];
      if (b < 0x80) codes.push(b);
      else if (b === 0xff) {
        const lead = bytes[i];
        const n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        flush();
        out += utf8.decode(bytes.subarray(i, i + n));
        i += n;
      } else codes.push(CODE_PAGE[b - 0x80]);
    }
    flush();
    return out;
  }

  class Reader {
    constructor(bytes, pos = 0) {
      this.bytes = bytes;
      this.pos = pos;
    }
    varint() {
      let v = 0, shift = 0, b;
      do {
        b = this.bytes[this.pos++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return v;
    }
    byte() { return this.bytes[this.pos++]; }
    rawBytes(n) {
      const out = this.bytes.subarray(this.pos, this.pos + n);
      this.pos += n;
      return out;
    }
    /** A term of a sorted list, front-coded: how many bytes it shares with `previous`, then the rest. */
    frontCoded(previous) {
      const shared = this.varint();
      const suffix = this.rawBytes(this.varint());
      const term = new Uint8Array(shared + suffix.length);
      term.set(previous.subarray(0, shared));
      term.set(suffix, shared);
      return term;
    }
    string() {
      const n = this.varint();
      const s = decodeText(this.bytes, this.pos, this.pos + n);
      this.pos += n;
      return s;
    }
  }

  async function inflate(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function base64Bytes(text) {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }


  class Shard {
    constructor(bytes) {
      const r = new Reader(bytes);
      const n = r.varint();
      this.terms = new Array(n);
      this.df = new Uint32Array(n);
      this.offsets = new Uint32Array(n + 1);
      let previous = new Uint8Array(0);
      const lengths = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const term = r.frontCoded(previous);
        this.terms[i] = decodeText(term, 0, term.length);
        this.df[i] = r.varint();
        lengths[i] = r.varint();
        previous = term;
      }
      this.offsets[0] = r.pos;
      for (let i = 0; i < n; i++) this.offsets[i + 1] = this.offsets[i] + lengths[i];
      this.bytes = bytes;
      this.decoded = new Map();
    }

    /** Index of `term`, or -1. */
    find(term) {
      let lo = 0, hi = this.terms.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const t = this.terms[mid];
        if (t === term) return mid;
        if (t < term) lo = mid + 1;
        else hi = mid - 1;
      }
      return -(lo + 1);
    }

    postings(i) {
      let p = this.decoded.get(i);
      if (p) return p;
      const df = this.df[i];
      const r = new Reader(this.bytes, this.offsets[i]);
      const docs = new Int32Array(df);
      let doc = 0;
      for (let k = 0; k < df; k++) docs[k] = doc += r.varint();
      p = { docs, impacts: r.rawBytes(df) };
      this.decoded.set(i, p);
      return p;
    }
  }

  function parseLexicon(bytes) {
    const r = new Reader(bytes);
    const n = r.varint();
    const terms = new Array(n), df = new Uint32Array(n);
    let previous = new Uint8Array(0);
    for (let i = 0; i < n; i++) {
      const term = r.frontCoded(previous);
      terms[i] = decodeText(term, 0, term.length);
      df[i] = r.varint();
      previous = term;
    }
    return { terms, df };
  }

  function parseFragment(bytes) {
    const r = new Reader(bytes);
    const [url, title, description, type, section, sectionTitle, status] = [0, 0, 0, 0, 0, 0, 0].map(() => r.string());
    const tags = Array.from({ length: r.varint() }, () => r.string());
    const sections = Array.from({ length: r.varint() }, () => {
      const level = r.byte();
      return { level, anchor: r.string(), heading: r.string(), text: r.string() };
    });
    // Format 1.1 appends the result's label and the page's phrasings.
    const label = r.pos < bytes.length ? r.string() : '';
    const phrasings = r.pos < bytes.length ? Array.from({ length: r.varint() }, () => r.string()) : [];
    return { url, title, description, type, section, sectionTitle, status, tags, sections, label, phrasings };
  }

  /** Facet piece → one membership test per value, in the order of facets.json. */
  function parseFilter(bytes, documentCount) {
    const r = new Reader(bytes);
    return Array.from({ length: r.varint() }, () => {
      if (r.byte() === 1) {
        const bits = r.rawBytes((documentCount + 7) >> 3);
        return (d) => (bits[d >> 3] >> (d & 7)) & 1;
      }
      const set = new Set();
      let doc = 0;
      for (let n = r.varint(); n > 0; n--) set.add((doc += r.varint()));
      return (d) => set.has(d);
    });
  }

  Almanac.searchPieces = { decodeText, inflate, base64Bytes, Shard, parseLexicon, parseFragment, parseFilter };
})(globalThis);
