// What the bundled knowledge base says in its own files, read here without almanac, so browser
// tests take their expectations from the content instead of copying sentences that writers edit.
// Reads the subset of YAML the bundled front matter and almanac.yml use: top-level `key: value`,
// `key: |` blocks, flow lists `[a, b]`, and one level of map under a key (values plain or `|`).
import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../../../scripts/lib/search-runtime.mjs';

const unquote = (v) => v.trim().replace(/^(["'])(.*)\1$/, '$2');
const scalar = (v) => {
  const t = v.trim();
  if (/^\[.*\]$/.test(t)) return t.slice(1, -1).split(',').map(unquote).filter(Boolean);
  return unquote(t);
};

/** `lines` indented by at least `indent` spaces from `start`, as a `|` block (indent removed). */
function block(lines, start, indent) {
  const out = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() !== '' && line.length - line.trimStart().length < indent) break;
    out.push(line.slice(indent));
  }
  return { text: out.join('\n').replace(/\s+$/, ''), next: i };
}

/** The front matter of a Markdown file as a plain object (see the subset above). */
export function frontMatter(file) {
  const text = fs.readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return {};
  return parseYaml(match[1]);
}

export function parseYaml(source) {
  const lines = source.split('\n');
  const result = {};
  let i = 0;
  while (i < lines.length) {
    const m = /^([^\s#][^:]*):(?:\s+(.*))?$/.exec(lines[i]);
    if (!m) { i++; continue; }
    const [, key, rest = ''] = m;
    if (rest.trim() === '|') {
      const b = block(lines, i + 1, 2);
      result[key] = b.text;
      i = b.next;
    } else if (rest.trim() === '' || rest.trim().startsWith('#')) {
      // A nested map (or a list of `- item`) under the key.
      const map = {};
      const list = [];
      i++;
      while (i < lines.length && (lines[i].trim() === '' || /^\s/.test(lines[i]))) {
        const item = /^\s+-\s+(.*)$/.exec(lines[i]);
        const entry = /^(\s+)([^\s#][^:]*?):(?:\s+(.*))?$/.exec(lines[i]);
        if (item) { list.push(unquote(item[1])); i++; continue; }
        if (!entry) { i++; continue; }
        const [, indent, k, v = ''] = entry;
        if (v.trim() === '|') {
          const b = block(lines, i + 1, indent.length + 2);
          map[unquote(k)] = b.text;
          i = b.next;
        } else {
          map[unquote(k)] = v.trim() === '' ? {} : scalar(v.replace(/\s+#.*$/, ''));
          i++;
        }
      }
      result[key] = list.length ? list : map;
    } else {
      result[key] = scalar(rest.replace(/\s+#\s.*$/, ''));
      i++;
    }
  }
  return result;
}

/** Front matter of `content/<relative>` (e.g. `replies/abusive-comment.md`). */
export const contentFrontMatter = (relative) => frontMatter(path.join(repositoryRoot, 'content', relative));

/** The placeholders a text uses, in order of first appearance (what the page's data-uses lists);
 * an optional one (`{name?}`) by its name. */
export const placeholdersIn = (text) => [...new Set([...text.matchAll(/\{([\p{L}\p{N}_]+)\??\}/gu)].map((m) => m[1]))];

/** The placeholders a text may leave empty: every use of the name in it is `{name?}`. */
export const optionalIn = (text) => {
  const required = new Set([...text.matchAll(/\{([\p{L}\p{N}_]+)\}/gu)].map((m) => m[1]));
  return [...new Set([...text.matchAll(/\{([\p{L}\p{N}_]+)\?\}/gu)].map((m) => m[1]))].filter((n) => !required.has(n));
};

/** `text` with every `{name}` and `{name?}` replaced by `values[name]`. */
export const fillIn = (text, values) => text.replace(/\{([\p{L}\p{N}_]+)\??\}/gu, (all, name) => (name in values ? values[name] : all));

/** A distinct, recognisable value for each placeholder: `‹имя›` — no braces, so a leftover shows. */
export const sampleValues = (names) => Object.fromEntries(names.map((n) => [n, `‹${n}›`]));
