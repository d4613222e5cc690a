/**
 * Reads an entry body back into text and math, as the Markdown processor reads it for the page.
 *
 * A body may hold only what the body policy (body-policy.ts) lets through: paragraphs of text,
 * backslash escapes, character references, `$…$` math, inline links and images served by the site.
 * Within that language this reader and the Markdown processor agree (a unit test compares them on
 * every body the tests know), so the exports carry the text the page shows. Links become their
 * text; images, which show no text, are left out.
 */
import { referenceAt, type Reference } from './references.ts';
import type { Segment } from './math.ts';

const PUNCTUATION = /[!-/:-@[-`{-~]/u;

export interface ReadBody {
  segments: Segment[];
  /** The character references read as text, with where each starts in the body. */
  references: { ref: Reference; index: number }[];
}

/** Index of the `$` closing a math span opened at `at`, or -1 when the `$` opens none. */
function mathEnd(body: string, at: number): number {
  const end = body.indexOf('$', at + 1);
  return end > at + 1 ? end : -1;
}

/** The end of a link destination, `<…>` or raw with balanced parentheses, from `i`; -1 if none. */
function destinationEnd(body: string, i: number): number {
  if (body[i] === '<') {
    for (let j = i + 1; j < body.length; j++) {
      const c = body[j];
      if (c === '\\') j++;
      else if (c === '>') return j + 1;
      else if (c === '<' || c === '\n') return -1;
    }
    return -1;
  }
  let depth = 0;
  let j = i;
  for (; j < body.length; j++) {
    const c = body[j] ?? '';
    if (c === '\\' && PUNCTUATION.test(body[j + 1] ?? '')) j++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (/[\s\p{Cc}]/u.test(c)) break;
  }
  return depth === 0 ? j : -1;
}

/** The end of a link title (`"…"`, `'…'` or `(…)`) from `i`, or -1. */
function titleEnd(body: string, i: number): number {
  const close = new Map([
    ['"', '"'],
    ["'", "'"],
    ['(', ')'],
  ]).get(body[i] ?? '');
  if (!close) return -1;
  for (let j = i + 1; j < body.length; j++) {
    if (body[j] === '\\') j++;
    else if (body[j] === close) return j + 1;
  }
  return -1;
}

const skipSpace = (body: string, i: number): number => {
  while (/[ \t\n]/u.test(body[i] ?? '')) i++;
  return i;
};

/** An inline link `[text](destination "title")` opening at `i` (a `[`): its text and its end. */
function linkAt(body: string, i: number): { text: string; end: number } | undefined {
  let depth = 0;
  let j = i;
  for (; j < body.length; j++) {
    const c = body[j];
    if (c === '\\') j++;
    else if (c === '$' && mathEnd(body, j) > 0) j = mathEnd(body, j);
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (depth !== 0 || body[j + 1] !== '(') return undefined;
  const text = body.slice(i + 1, j);
  let k = skipSpace(body, j + 2);
  if (body[k] !== ')') {
    k = destinationEnd(body, k);
    if (k < 0) return undefined;
    const afterDestination = k;
    k = skipSpace(body, k);
    if (k > afterDestination && body[k] !== ')') {
      k = titleEnd(body, k);
      if (k < 0) return undefined;
      k = skipSpace(body, k);
    }
    if (body[k] !== ')') return undefined;
  }
  // A link cannot hold another: then only the inner one is a link (CommonMark).
  if (holdsLink(text)) return undefined;
  return { text, end: k + 1 };
}

function holdsLink(text: string): boolean {
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    if (text[i - 1] !== '\\' && linkAt(text, i)) return true;
  }
  return false;
}

/** Reads a body (or a link's text) into segments, and the references it decoded. */
export function readBody(body: string, offset = 0, out: ReadBody = { segments: [], references: [] }): ReadBody {
  let text = '';
  const flush = (): void => {
    if (text) out.segments.push({ kind: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    const ch = body[i] ?? '';
    const next = body[i + 1] ?? '';
    if (ch === '\\' && (PUNCTUATION.test(next) || next === '\n')) {
      // An escaped character is itself; an escaped line end is a line break.
      text += next;
      i += 2;
      continue;
    }
    const ref = ch === '&' ? referenceAt(body, i) : undefined;
    if (ref) {
      out.references.push({ ref, index: offset + i });
      text += ref.text;
      i += ref.raw.length;
      continue;
    }
    const math = ch === '$' ? mathEnd(body, i) : -1;
    if (math > 0) {
      flush();
      out.segments.push({ kind: 'math', tex: body.slice(i + 1, math) });
      i = math + 1;
      continue;
    }
    const image = ch === '!' && next === '[' ? linkAt(body, i + 1) : undefined;
    const link = ch === '[' ? linkAt(body, i) : undefined;
    if (image) {
      // An image shows no text; its description is the alt text, which is not read as text.
      i = image.end;
    } else if (link) {
      flush();
      readBody(link.text, offset + i + 1, out);
      i = link.end;
    } else {
      text += ch;
      i += 1;
    }
  }
  flush();
  return out;
}
