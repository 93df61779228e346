// The text layer of a PDF that Chromium printed, read without dependencies (node:zlib inflates
// the streams). Enough for Skia's output — plain objects, Flate streams, Type0 fonts with a
// ToUnicode CMap, text shown with Tj/TJ hex strings — and no more: it is not a general PDF reader.
// What it proves: the glyphs drawn on each page map back to these characters through the fonts'
// own ToUnicode tables, i.e. the text is in the PDF as text, on that page.
import zlib from 'node:zlib';

function objects(pdf) {
  const text = pdf.toString('latin1');
  const out = new Map();
  const re = /(\d+) 0 obj\s*/g;
  let m;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const object = { dict: body, stream: null };
    const s = body.indexOf('stream');
    if (s >= 0) {
      object.dict = body.slice(0, s);
      const length = Number((/\/Length (\d+)(?! \d+ R)/.exec(object.dict) || [])[1]);
      let from = start + s + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const raw = pdf.subarray(from, from + length);
      object.stream = /\/FlateDecode/.test(object.dict) ? zlib.inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), object);
    re.lastIndex = end;
  }
  return out;
}

const hexBytes = (hex) => Buffer.from(hex.replace(/\s+/g, '').padEnd(Math.ceil(hex.replace(/\s+/g, '').length / 2) * 2, '0'), 'hex');
const utf16 = (hex) => {
  const b = hexBytes(hex);
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i));
  return s;
};

/** ToUnicode CMap → {width (bytes per code), map code → text}. */
function cmap(source) {
  const map = new Map();
  const range = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(source);
  const width = range ? range[1].length / 2 : 2;
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(src, 16), utf16(dst));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst, list] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const a = parseInt(lo, 16), b = parseInt(hi, 16);
      const items = list ? [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16(x[1])) : null;
      for (let c = a; c <= b; c++) {
        if (items) { map.set(c, items[c - a] ?? ''); continue; }
        const base = utf16(dst);
        map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - a)));
      }
    }
  }
  return { width, map };
}

function decode(hex, font) {
  const bytes = hexBytes(hex);
  let s = '';
  for (let i = 0; i + font.width <= bytes.length; i += font.width) {
    const code = font.width === 2 ? bytes.readUInt16BE(i) : bytes[i];
    s += font.map.get(code) ?? '';
  }
  return s;
}

/** Text of each page, in page-tree order, glyph runs joined with spaces. */
export function pdfPages(pdf) {
  const objs = objects(pdf);
  const fonts = new Map();
  const fontOf = (id) => {
    if (!fonts.has(id)) {
      const ref = /\/ToUnicode (\d+) 0 R/.exec(objs.get(id)?.dict || '');
      const stream = ref && objs.get(Number(ref[1]))?.stream;
      fonts.set(id, stream ? cmap(stream.toString('latin1')) : { width: 1, map: new Map() });
    }
    return fonts.get(id);
  };
  const kids = (id) => {
    const o = objs.get(id);
    if (!o) return [];
    if (/\/Type\s*\/Pages/.test(o.dict)) {
      const list = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict);
      return list ? [...list[1].matchAll(/(\d+) 0 R/g)].flatMap((k) => kids(Number(k[1]))) : [];
    }
    return /\/Type\s*\/Page(?![A-Za-z])/.test(o.dict) ? [id] : [];
  };
  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const root = Number(/\/Pages (\d+) 0 R/.exec(catalog.dict)[1]);
  return kids(root).map((id) => {
    const dict = objs.get(id).dict;
    const fontRefs = new Map([.../\/Font\s*<<([^>]*)>>/.exec(dict)?.[1].matchAll(/\/(\S+) (\d+) 0 R/g) ?? []].map((m) => [m[1], Number(m[2])]));
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(dict);
    const streams = contents ? (contents[1] ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])) : [Number(contents[2])]) : [];
    const runs = [];
    for (const sid of streams) {
      const ops = objs.get(sid)?.stream?.toString('latin1') || '';
      let font = { width: 1, map: new Map() };
      for (const m of ops.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ/g)) {
        if (m[1]) font = fontRefs.has(m[1]) ? fontOf(fontRefs.get(m[1])) : font;
        else if (m[2] !== undefined) runs.push(decode(m[2], font));
        else runs.push([...m[3].matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((h) => decode(h[1], font)).join(''));
      }
    }
    return runs.join('');
  });
}

/** Letters and digits only, lower case: line breaks and word spacing differ between HTML and PDF. */
export const squeeze = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
