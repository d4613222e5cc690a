/**
 * Reading and writing paper entries: YAML frontmatter, then the abstract as an MDX body.
 * Every string is double-quoted, so a title such as `null`, `no`, `1e5`, `key: value`, `---`,
 * `&a` or `*a` stays a string, and the output is byte-identical for identical input.
 */
import { parse, stringify } from 'yaml';
import type { Link } from '../../src/lib/links.ts';

export interface Source {
  listing: string;
  name: string;
  date: string;
  position: number;
}

export interface EntryData {
  id: string;
  title: string;
  topics: string[];
  links: Link[];
  sources: Source[];
  authors?: string[];
  arxiv?: string;
  published?: string;
}

export interface Entry {
  data: EntryData;
  /** The MDX body: the escaped abstract. */
  body: string;
}

/** Frontmatter keys in the order they are written. Unknown keys are kept after these. */
const KEY_ORDER = ['id', 'title', 'topics', 'links', 'sources', 'authors', 'arxiv', 'published'];

export function serializeEntry(entry: Entry): string {
  const data = entry.data as unknown as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of [
    ...KEY_ORDER,
    ...Object.keys(data)
      .filter((k) => !KEY_ORDER.includes(k))
      .sort(),
  ]) {
    if (data[key] !== undefined) ordered[key] = data[key];
  }
  const yaml = stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n\n${entry.body}\n`;
}

export class EntryFormatError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'EntryFormatError';
  }
}

/** Splits an entry file into frontmatter data and body. */
export function parseEntry(text: string, file: string): { data: Record<string, unknown>; body: string } {
  const normalised = text.replace(/\r\n?/gu, '\n');
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/u.exec(normalised);
  if (!match)
    throw new EntryFormatError(file, 'no YAML frontmatter: the file must start with a line "---", the fields, and another line "---"');
  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch (error) {
    throw new EntryFormatError(file, `the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new EntryFormatError(file, 'the frontmatter must be a set of "field: value" lines');
  }
  return { data: data as Record<string, unknown>, body: (match[2] ?? '').trim() };
}
