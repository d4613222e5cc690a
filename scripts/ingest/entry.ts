/**
 * Reading and writing paper entries: YAML frontmatter, then the abstract as an MDX body.
 * Every string is double-quoted, so a title such as `null`, `no`, `1e5`, `key: value`, `---`,
 * `&a` or `*a` stays a string, and the output is byte-identical for identical input.
 */
import { stringify } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import type { PaperData, SourceData } from '../../src/lib/schema.ts';

/** An entry's frontmatter plus its id: the shape the schema in src/lib/schema.ts validates. */
export type EntryData = PaperData;

export interface Entry {
  data: EntryData;
  /** The MDX body: the escaped abstract. */
  body: string;
}

/** Frontmatter keys in the order they are written. Unknown keys are kept after these. */
const KEY_ORDER = ['id', 'title', 'arxiv', 'authors', 'published', 'submitted', 'categories', 'topics', 'keywords', 'links', 'sources'];

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

/** What the ingest needs to recognise an entry, read without the YAML parser. */
export interface EntryIndex {
  id: string;
  title: string;
  arxiv?: string;
  sources: SourceData[];
  topics: string[];
}

const LINE = {
  field: /^([a-z]+): (".*"|-?\d+|\[\])$/u,
  list: /^([a-z]+):$/u,
  item: /^ {2}- (".*")$/u,
  objectStart: /^ {2}- ([a-z]+): (".*"|-?\d+)$/u,
  objectMore: /^ {4}([a-z]+): (".*"|-?\d+)$/u,
};

/**
 * Reads the frontmatter of an entry as the ingest writes it (`key: "json string"`, lists of such
 * strings and of flat objects) without the YAML parser, which costs most of an ingest into a large
 * catalogue. Undefined for anything else (a hand edit in another YAML style): then the YAML parser
 * reads the file, as for every other use.
 */
export function indexEntry(text: string): EntryIndex | undefined {
  const match = /^---\n([\s\S]*?)\n---\n/u.exec(text);
  if (!match) return undefined;
  const data: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  let object: Record<string, unknown> | undefined;
  const value = (raw: string): unknown => (raw === '[]' ? [] : JSON.parse(raw));
  try {
    for (const line of (match[1] ?? '').split('\n')) {
      let m: RegExpExecArray | null;
      if ((m = LINE.field.exec(line))) {
        data[m[1] ?? ''] = value(m[2] ?? '');
        list = undefined;
      } else if ((m = LINE.list.exec(line))) {
        list = [];
        data[m[1] ?? ''] = list;
      } else if ((m = LINE.item.exec(line)) && list) {
        list.push(value(m[1] ?? ''));
      } else if ((m = LINE.objectStart.exec(line)) && list) {
        object = { [m[1] ?? '']: value(m[2] ?? '') };
        list.push(object);
      } else if ((m = LINE.objectMore.exec(line)) && object) {
        object[m[1] ?? ''] = value(m[2] ?? '');
      } else return undefined;
    }
  } catch {
    // A value the YAML writer escaped in a way JSON does not read (\x41, \e): the parser reads it.
    return undefined;
  }
  const { id, title, arxiv, sources, topics } = data;
  if (typeof id !== 'string' || typeof title !== 'string' || !Array.isArray(sources) || !Array.isArray(topics)) return undefined;
  return {
    id,
    title,
    ...(typeof arxiv === 'string' ? { arxiv } : {}),
    sources: (sources as Partial<SourceData>[]).map((s) => ({ ...s, format: s.format ?? 'hf-page' }) as SourceData),
    topics: topics as string[],
  };
}
