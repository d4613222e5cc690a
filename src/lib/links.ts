/** URLs inside abstracts: where they are, and what kind of link each one is. */
import { splitTex } from './math.ts';

export interface UrlSpan {
  url: string;
  start: number;
  end: number;
}

export type LinkKind = 'code' | 'project' | 'other';

export interface Link {
  kind: LinkKind;
  url: string;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"'`{}|\\^[\]]+/giu;
const CLOSERS = new Map([
  [')', '('],
  [']', '['],
]);

/**
 * Finds the http(s) URLs in a text. Punctuation that ends the sentence (`.`, `,`, `;`, `:`, `!`,
 * `?`) is not part of a URL, nor is a closing parenthesis that the URL itself did not open.
 */
export function findUrls(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    for (;;) {
      const last = url.at(-1) ?? '';
      const opener = CLOSERS.get(last);
      if (/[.,;:!?*]/u.test(last)) url = url.slice(0, -1);
      else if (opener && count(url, opener) < count(url, last)) url = url.slice(0, -1);
      else break;
    }
    if (/^https?:\/\/[^/]+\.[^/]+/iu.test(url)) spans.push({ url, start: m.index, end: m.index + url.length });
  }
  return spans;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)$/iu;
const PROJECT_CUE = /\bproject(?:'s)?\s+(?:page|website|site|homepage)\b[^.]*$|\bwebsite:\s*$/iu;

/**
 * Types a URL: `code` for a repository on a code host (owner and name in the path), `project` for a
 * project page (`*.github.io`, or a URL the text introduces as a project page or website), else `other`.
 */
export function classifyUrl(url: string, textBefore = ''): LinkKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'other';
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (CODE_HOSTS.test(parsed.hostname) && segments.length >= 2) return 'code';
  if (/\.github\.io$|\.gitlab\.io$/iu.test(parsed.hostname)) return 'project';
  if (PROJECT_CUE.test(textBefore.slice(-80))) return 'project';
  return 'other';
}

/**
 * Every distinct URL of a text in the `$…$` format, typed, in order of first appearance. URLs are
 * found in its text, never in its math, as toMdxBody links them: a link is the URL the page links.
 */
export function extractLinks(source: string): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  let before = '';
  for (const segment of splitTex(source)) {
    if (segment.kind === 'math') {
      before += `$${segment.tex}$`;
      continue;
    }
    for (const span of findUrls(segment.value)) {
      if (seen.has(span.url)) continue;
      seen.add(span.url);
      links.push({ kind: classifyUrl(span.url, before + segment.value.slice(0, span.start)), url: span.url });
    }
    before += segment.value;
  }
  return links;
}
