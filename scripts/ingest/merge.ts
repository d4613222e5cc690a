/**
 * What a source adds to a paper the catalogue already has: its own entry in `sources`, and the
 * fields the entry lacks (arXiv id, authors, dates, categories, keywords, links). It never
 * overwrites: a value the entry has, written by an earlier source or by hand, stays, and a source
 * that says otherwise is reported, so a curator can decide.
 */
import type { Link } from '../../src/lib/links.ts';
import { texToText } from '../../src/lib/math.ts';
import { fromMdxBody } from '../../src/lib/mdx.ts';
import { titleKey } from '../../src/lib/papers.ts';
import type { PaperData, SourceData } from '../../src/lib/schema.ts';
import { fold } from '../../src/lib/words.ts';
import { sourceKey, sourcesOf, type Existing } from './catalogue.ts';
import type { Candidate } from './prepare.ts';

export interface Merged {
  data: PaperData;
  /** What changed, for the report; empty when nothing did. */
  changes: string[];
  /** Where the source and the entry disagree: reported, never applied. */
  disagreements: { field: string; message: string }[];
}

const FILLABLE = ['arxiv', 'authors', 'published', 'submitted', 'categories', 'keywords'] as const;
// Keywords are the source's own and change between its runs; a paper listed again appears on a later
// day: neither disagrees with the entry, so neither is reported.

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameUrl = (a: string, b: string): boolean => a.replace(/\/+$/u, '').toLowerCase() === b.replace(/\/+$/u, '').toLowerCase();
const show = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));

export function mergeInto(entry: Existing, candidate: Candidate, source: SourceData): Merged {
  const data = { ...entry.data } as unknown as PaperData;
  const changes: string[] = [];
  const disagreements: Merged['disagreements'] = [];
  const file = entry.path;

  const sources = sourcesOf(entry);
  if (!sources.some((s) => sourceKey(s) === sourceKey(source))) {
    data.sources = [...sources, source];
    changes.push(`source ${source.listing}${source.format === 'hf-page' ? ` #${source.position}` : ''}`);
  }
  for (const field of FILLABLE) {
    const incoming = candidate.metadata[field];
    if (incoming === undefined) continue;
    const current = entry.data[field];
    if (current === undefined) {
      (data as unknown as Record<string, unknown>)[field] = incoming;
      changes.push(`${field} added`);
    } else if (!same(current, incoming) && field !== 'keywords' && field !== 'submitted') {
      disagreements.push({
        field,
        message: `${file} has ${field} "${show(current)}" but ${source.listing} says "${show(incoming)}"; the entry is kept: correct it by hand if the source is right`,
      });
    }
  }
  const links: Link[] = Array.isArray(entry.data['links']) ? [...(entry.data['links'] as Link[])] : [];
  const added = candidate.links.filter((l) => !links.some((k) => sameUrl(k.url, l.url)));
  if (added.length > 0) {
    data.links = [...links, ...added];
    changes.push(`${added.length === 1 ? 'link' : `${added.length} links`} added (${added.map((l) => l.kind).join(', ')})`);
  }
  if (typeof entry.data['title'] === 'string' && titleKey(entry.data['title']) !== titleKey(candidate.title)) {
    disagreements.push({
      field: 'title',
      message: `${file} has the title "${texToText(entry.data['title'])}" but ${source.listing} says "${texToText(candidate.title)}"; the entry is kept`,
    });
  }
  if (!sameText(fromMdxBody(entry.body), candidate.abstract)) {
    disagreements.push({
      field: 'abstract',
      message: `${file} has another abstract than ${source.listing} gives; the entry's is kept: compare them and correct the entry by hand if the source is right`,
    });
  }
  return { data, changes, disagreements };
}

/** Whether two abstracts (in the `$…$` format) say the same, spacing, case and punctuation aside. */
function sameText(a: string, b: string): boolean {
  const letters = (t: string): string => fold(texToText(t)).replace(/[^\p{L}\p{N}]+/gu, '');
  return letters(a) === letters(b);
}
