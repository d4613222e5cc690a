/**
 * Parses the text of a Hugging Face Daily Papers listing, as copied from the rendered page:
 * page chrome, a date label such as `Aug 5`, then title and abstract paragraphs separated by blank
 * lines. CRLF, trailing spaces and a missing final newline are tolerated; anything else that does
 * not fit is an error that names the line.
 */

export interface RawPaper {
  /** 1-based position of the paper in the listing. */
  position: number;
  title: string;
  abstract: string;
  /** 1-based line numbers of the title and of the abstract's first line. */
  titleLine: number;
  abstractLine: number;
}

export interface Listing {
  /** The listing's name as printed, e.g. `Daily Papers`. */
  name: string;
  /** The date label exactly as printed, e.g. `Aug 5`. The year is not in the source. */
  date: string;
  papers: RawPaper[];
}

export class ListingError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ListingError';
    this.line = line;
  }
}

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE_LABEL = new RegExp(`^(?:${MONTHS})[a-z]* \\d{1,2}(?:, \\d{4})?$`, 'u');
const LISTING_NAME = 'Daily Papers';
/** How far into the file the date label may appear before we decide this is not a listing. */
const HEADER_LIMIT = 30;
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

/** Parses a listing. Throws {@link ListingError} naming the line of the first problem. */
export function parseListing(source: string): Listing {
  if (source.includes('\u0000') || /[\uFFFD]/u.test(source.slice(0, 2000))) {
    throw new ListingError('this is not a text listing: it contains binary data (NUL or invalid UTF-8 bytes)');
  }
  const lines = source
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map((l) => l.replace(/[ \t]+$/u, ''));
  const dateIndex = lines.slice(0, HEADER_LIMIT).findIndex((l) => DATE_LABEL.test(l.trim()));
  if (dateIndex < 0) {
    throw new ListingError(
      `no date label found in the first ${HEADER_LIMIT} lines: a Daily Papers listing has a line such as "Aug 5" after the page header`,
    );
  }
  const header = lines.slice(0, dateIndex).map((l) => l.trim());
  if (!header.includes(LISTING_NAME)) {
    throw new ListingError(
      `no "${LISTING_NAME}" line before the date label: this does not look like a Daily Papers listing`,
      dateIndex + 1,
    );
  }
  const date = (lines[dateIndex] ?? '').trim();
  const blocks = toBlocks(lines, dateIndex + 1);
  if (blocks.length === 0) {
    throw new ListingError('the listing has no papers after its date label', dateIndex + 1);
  }

  const papers: RawPaper[] = [];
  for (let i = 0; i < blocks.length; i += 2) {
    const titleBlock = blocks[i];
    if (!titleBlock) break;
    const abstractBlock = blocks[i + 1];
    if (!looksLikeTitle(titleBlock)) {
      throw new ListingError(
        `expected a paper title (one line of at most ${MAX_TITLE_WORDS} words, not a sentence) but found a ${titleBlock.lines.length}-line paragraph of ${wordCount(titleBlock.lines.join(' '))} words that reads like an abstract; is a title missing before it?`,
        titleBlock.line,
      );
    }
    const title = titleBlock.lines.join(' ');
    if (!abstractBlock) {
      throw new ListingError(`the title "${title}" has no abstract: the listing ends after it (is the file truncated?)`, titleBlock.line);
    }
    const next = blocks[i + 2];
    if (looksLikeTitle(abstractBlock) && next && !looksLikeTitle(next)) {
      throw new ListingError(
        `the title "${title}" has no abstract: the next paragraph (line ${abstractBlock.line}) is another title`,
        titleBlock.line,
      );
    }
    papers.push({
      position: papers.length + 1,
      title,
      abstract: abstractBlock.lines.join(' '),
      titleLine: titleBlock.line,
      abstractLine: abstractBlock.line,
    });
  }
  return { name: LISTING_NAME, date, papers };
}
