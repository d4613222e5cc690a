/**
 * The body of a paper entry is its abstract written as MDX. MDX is a programming language: `{…}` is
 * an expression, `<…>` is JSX, and a line starting with `import`/`export` is ESM. An abstract is
 * untrusted text, so {@link toMdxBody} escapes every character that MDX or Markdown would read as
 * syntax; only `$…$` math spans and the links we create ourselves stay live.
 * {@link fromMdxBody} reads a body back into the `$…$` text format, so for every abstract `s`,
 * `fromMdxBody(toMdxBody(s)) === s` (after whitespace normalisation).
 */
import { findUrls } from './links.ts';
import { readBody } from './body-read.ts';
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
    // Escaped in the destination too, so `&lt;` in a URL stays `&lt;` and is not read as `<`.
    const destination = span.url.replace(/[()\\&]/gu, (c) => `\\${c}`);
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

/**
 * The text and math of an MDX body (as written by {@link toMdxBody}, or edited by hand within the
 * body policy): escapes and character references resolved, links reduced to their text, math
 * kept, whitespace collapsed.
 */
export function bodySegments(body: string): Segment[] {
  const merged: Segment[] = [];
  for (const s of readBody(body).segments) {
    const prev = merged.at(-1);
    if (s.kind === 'text' && prev?.kind === 'text') prev.value += s.value;
    else merged.push({ ...s });
  }
  const tidy = merged.map((s) => (s.kind === 'text' ? { ...s, value: s.value.replace(/\s+/gu, ' ') } : s));
  const first = tidy[0];
  const last = tidy.at(-1);
  if (first?.kind === 'text') first.value = first.value.trimStart();
  if (last?.kind === 'text') last.value = last.value.trimEnd();
  return tidy.filter((s) => s.kind === 'math' || s.value !== '');
}

/** Reads an MDX body back into the `$…$` text format (see {@link bodySegments}). */
export const fromMdxBody = (body: string): string => joinTex(bodySegments(body));
