/**
 * The body of a paper entry is its abstract written as MDX. MDX is a programming language: `{…}` is
 * an expression, `<…>` is JSX, and a line starting with `import`/`export` is ESM. An abstract is
 * untrusted text, so {@link toMdxBody} escapes every character that MDX or Markdown would read as
 * syntax; only `$…$` math spans and the links we create ourselves stay live.
 * {@link fromMdxBody} reads a body back into the `$…$` text format, so for every abstract `s`,
 * `fromMdxBody(toMdxBody(s)) === s` (after whitespace normalisation).
 */
import { findUrls } from './links.ts';
import { joinTex, splitTex, type Segment } from './math.ts';

/**
 * Characters escaped anywhere in text: MDX/JSX syntax, emphasis, code, links, math, character
 * references, strikethrough, and the `@` of e-mail autolinks.
 */
const ALWAYS = /[\\`*_{}[\]<>$&~@]/gu;

const escapeChars = (text: string): string => text.replace(ALWAYS, (c) => `\\${c}`);

/** Escapes running text, also breaking GFM autolink literals (`www.x.org`, a bare `http://…`). */
function escapeInline(text: string): string {
  return escapeChars(text)
    .replace(/\b(www)\./giu, '$1\\.')
    .replace(/:\/\//gu, '\\://');
}

/** Escapes what only matters at the start of a line: block syntax and ESM. */
function escapeLineStart(line: string): string {
  const esm = /^(import|export)\b/u.exec(line);
  if (esm) {
    const first = line.codePointAt(0) ?? 0;
    return `&#x${first.toString(16)};${line.slice(1)}`;
  }
  const list = /^(\d+)([.)])/u.exec(line);
  if (list) return `${list[1]}\\${list[2]}${line.slice(list[0].length)}`;
  if (/^[#+\-=|:!%]/u.test(line)) return `\\${line}`;
  return line;
}

function escapeText(text: string): string {
  let out = '';
  let last = 0;
  for (const span of findUrls(text)) {
    out += escapeInline(text.slice(last, span.start));
    const destination = span.url.replace(/[()\\]/gu, (c) => `\\${c}`);
    out += `[${escapeChars(span.url)}](${destination})`;
    last = span.end;
  }
  return out + escapeInline(text.slice(last));
}

/**
 * Writes an abstract in the `$…$` text format as an MDX body: one paragraph, whitespace
 * collapsed, every literal character escaped, URLs as Markdown links, math as `$…$`.
 */
export function toMdxBody(source: string): string {
  const body = splitTex(source)
    .map((s) => (s.kind === 'math' ? `$${s.tex}$` : escapeText(s.value.replace(/\s+/gu, ' '))))
    .join('')
    .trim();
  return escapeLineStart(body);
}

const NAMED_REFERENCES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00A0'],
]);

/**
 * Reads an MDX body (as written by {@link toMdxBody}, or edited by hand in the same plain style)
 * back into the `$…$` text format: escapes and character references resolved, links reduced to
 * their text, math kept.
 */
export function fromMdxBody(body: string): string {
  const segments: Segment[] = [];
  let text = '';
  const flush = (): void => {
    if (text) segments.push({ kind: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    const ch = body[i] ?? '';
    const next = body[i + 1] ?? '';
    if (ch === '\\' && /[!-/:-@[-`{-~]/u.test(next)) {
      text += next;
      i += 2;
    } else if (ch === '&') {
      const ref = /^&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/iu.exec(body.slice(i));
      const hex = ref?.[1];
      const dec = ref?.[2];
      const name = ref?.[3];
      const decoded = hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : dec
          ? String.fromCodePoint(Number(dec))
          : name
            ? NAMED_REFERENCES.get(name)
            : undefined;
      text += decoded ?? ch;
      i += decoded === undefined || !ref ? 1 : ref[0].length;
    } else if (ch === '$') {
      const end = body.indexOf('$', i + 1);
      if (end > i + 1) {
        flush();
        segments.push({ kind: 'math', tex: body.slice(i + 1, end) });
        i = end + 1;
      } else {
        text += ch;
        i += 1;
      }
    } else if (ch === '[') {
      const link = /^\[((?:\\.|[^\]\\])*)\]\((?:\\.|[^)\\])*\)/u.exec(body.slice(i));
      if (link) {
        const inner = splitTex(fromMdxBody(link[1] ?? ''));
        for (const s of inner) {
          if (s.kind === 'text') text += s.value;
        }
        i += link[0].length;
      } else {
        text += ch;
        i += 1;
      }
    } else {
      text += ch;
      i += 1;
    }
  }
  flush();
  const tidy = segments.map((s) => (s.kind === 'text' ? { ...s, value: s.value.replace(/\s+/gu, ' ') } : s));
  return joinTex(tidy).trim();
}
