/**
 * Text copied from a Hugging Face papers page: the daily page (a date label such as `Aug 5`), the
 * week and month views (`Week 32`, `August 2025`), search results and collections (no label at
 * all). Page chrome (hf-page-chrome.json, counts, "Submitted by …") is skipped wherever it is; the
 * rest is title and abstract paragraphs separated by blank lines. CRLF, trailing spaces and a
 * missing final newline are tolerated; anything else that does not fit is an error naming the line.
 */
import chrome from './hf-page-chrome.json' with { type: 'json' };
import { SourceError, type ParsedSource, type SourceRecord } from './types.ts';

const CHROME = new Set<string>(chrome.lines);
/** Lines only a Hugging Face papers page has. */
const MARKERS = new Set<string>(chrome.markers);
const NAMES = new Map<string, string>(Object.entries(chrome.names));
const DEFAULT_NAME = 'Hugging Face papers';

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/** The label of a day, week or month view: `Aug 5`, `Aug 5, 2025`, `Week 32`, `Week 32, 2025`, `August 2025`. */
const LABEL = new RegExp(`^(?:(?:${MONTHS})[a-z]* \\d{1,2}(?:, \\d{4})?|Week \\d{1,2}(?:, \\d{4})?|(?:${MONTHS})[a-z]* \\d{4})$`, 'u');
/** Other chrome: counts, bullets, who submitted a paper, when it was published. */
const CHROME_PATTERNS = [
  /^[·•]?\s*\d[\d,.]*\s*[kK]?(?:\s+(?:upvotes?|comments?|authors?|stars?|papers?))?$/u,
  /^(?:Submitted|Published) (?:by|on) .{1,80}$/u,
  /^[·•—–-]$/u,
];

/** How far into the file the page's chrome may go before we decide this is not a papers page. */
const HEADER_LIMIT = 40;
/** A title is one short line; anything longer is almost certainly an abstract. */
const MAX_TITLE_WORDS = 40;

interface Block {
  line: number;
  lines: string[];
}

function toBlocks(lines: readonly string[], from: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line.trim());
  }
  return blocks;
}

const wordCount = (s: string): number => s.split(/\s+/u).filter(Boolean).length;

/** A one-line block of page chrome. */
function isChrome(block: Block): boolean {
  if (block.lines.length !== 1) return false;
  const text = block.lines[0] ?? '';
  return CHROME.has(text) || LABEL.test(text) || CHROME_PATTERNS.some((p) => p.test(text));
}

/**
 * True for a block that reads like a title rather than an abstract: one line of at most 40 words,
 * not two sentences, and not a sentence of eight or more words ending in a full stop.
 */
function looksLikeTitle(block: Block): boolean {
  const text = block.lines.join(' ');
  const words = wordCount(text);
  if (block.lines.length > 1 || words > MAX_TITLE_WORDS) return false;
  if (/[.!?] [A-Z][a-z]+ [a-z]+ [a-z]+/u.test(text)) return false;
  return !(/\.$/u.test(text) && words >= 8);
}

/** True when the text holds bytes no text file has. */
export const isBinary = (source: string): boolean => source.includes('\u0000') || /[\uFFFD]/u.test(source.slice(0, 2000));

/** Reads a copied page. Throws {@link SourceError} naming the line of the first problem. */
export function parseHfPage(source: string, date?: string): ParsedSource {
  if (isBinary(source))
    throw new SourceError(
      'this is not a text listing: it contains binary data (NUL or invalid UTF-8 bytes); give the ingest the page copied as text, a Daily Papers API response or an arXiv feed',
    );
  const lines = source
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map((l) => l.replace(/[ \t]+$/u, ''));
  const blocks = toBlocks(lines, 0);
  // The header: the chrome before the first paper.
  let first = 0;
  while (first < blocks.length && isChrome(blocks[first] as Block)) first++;
  const header = blocks.slice(0, first).map((b) => b.lines[0] ?? '');
  const headerEnd = blocks[first]?.line ?? lines.length + 1;
  if (header.length === 0 || !header.some((l) => MARKERS.has(l)) || headerEnd > HEADER_LIMIT + 1) {
    throw new SourceError(
      blocks.length === 0
        ? 'the file is empty: a Hugging Face papers page copied as text holds its page header, then titles and abstracts; copy the whole page (select all) into the file'
        : `this does not look like a Hugging Face papers page: its first lines hold none of the page's own lines (such as "Daily Papers" or "Get trending papers in your email inbox!") before the first title; copy the whole page from its top, or name the format with --format`,
      blocks.length === 0 ? undefined : (blocks[0]?.line ?? 1),
    );
  }
  const name = header.map((l) => NAMES.get(l)).find((n) => n !== undefined) ?? DEFAULT_NAME;
  const label = header.find((l) => LABEL.test(l));
  const body = blocks.slice(first).filter((b) => !isChrome(b));
  if (body.length === 0) {
    throw new SourceError(
      `the page has no papers after its header${label ? ` (the label "${label}")` : ''}; copy the page again once its papers have loaded`,
      blocks.at(-1)?.line,
    );
  }

  const records: SourceRecord[] = [];
  for (let i = 0; i < body.length; i += 2) {
    const titleBlock = body[i];
    if (!titleBlock) break;
    const abstractBlock = body[i + 1];
    if (!looksLikeTitle(titleBlock)) {
      throw new SourceError(
        `expected a paper title (one line of at most ${MAX_TITLE_WORDS} words, not a sentence) but found a ${titleBlock.lines.length}-line paragraph of ${wordCount(titleBlock.lines.join(' '))} words that reads like an abstract; add the missing title on the line before it, or delete the paragraph`,
        titleBlock.line,
      );
    }
    const title = titleBlock.lines.join(' ');
    if (!abstractBlock) {
      throw new SourceError(
        `the title "${title}" has no abstract: the listing ends after it (is the file truncated?); copy the page again, or delete the title`,
        titleBlock.line,
      );
    }
    const next = body[i + 2];
    if (looksLikeTitle(abstractBlock) && next && !looksLikeTitle(next)) {
      throw new SourceError(
        `the title "${title}" has no abstract: the next paragraph (line ${abstractBlock.line}) is another title; add its abstract after it, or delete the title`,
        titleBlock.line,
      );
    }
    records.push({
      position: records.length + 1,
      where: `line ${titleBlock.line}`,
      abstractLine: abstractBlock.line,
      title,
      abstract: abstractBlock.lines.join(' '),
      metadata: {},
      links: [],
    });
  }
  const listingDate = label ?? date;
  return { format: 'hf-page', name, ...(listingDate ? { date: listingDate } : {}), records, problems: [] };
}
