/**
 * Reading and writing paper entries: YAML frontmatter, then the abstract as an MDX body.
 * Every string is double-quoted, so a title such as `null`, `no`, `1e5`, `key: value`, `---`,
 * `&a` or `*a` stays a string, and the output is byte-identical for identical input.
 */
import { stringify } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import type { PaperData, SourceData } from '../../src/lib/schema.ts';

export type Source = SourceData;
/** An entry's frontmatter plus its id: the shape the schema in src/lib/schema.ts validates. */
export type EntryData = PaperData;

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

/** Splits an entry file into frontmatter data and body (see src/lib/frontmatter.ts). */
export const parseEntry = (text: string, file: string): { data: Record<string, unknown>; body: string } => splitFrontmatter(text, file);
