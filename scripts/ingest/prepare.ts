/**
 * One paper of a source made ready for the catalogue: its title and abstract unwrapped, freed of
 * characters that draw nothing, repaired by the named rules, checked, and its links gathered, with
 * what could not be repaired reported. Writes nothing and knows nothing of the catalogue.
 */
import { codePoint, invisibleCharacters, withoutInvisible } from '../../src/lib/characters.ts';
import { extractLinks, type Link } from '../../src/lib/links.ts';
import { textProblem } from '../../src/lib/schema.ts';
import type { Problem } from './catalogue.ts';
import { findDamage } from './damage.ts';
import { repair } from './repair.ts';
import type { SourceMetadata, SourceRecord } from './sources/index.ts';

export interface Candidate {
  record: SourceRecord;
  /** Repaired title and abstract, in the `$…$` format. */
  title: string;
  abstract: string;
  links: Link[];
  metadata: SourceMetadata;
  /** Names of the repair rules that changed something. */
  rules: string[];
  /** Problems that refuse this paper. */
  errors: Problem[];
  warnings: Problem[];
}

/** Fewer words than this is not an abstract: page chrome, or a listing cut off mid-paragraph. */
const MIN_ABSTRACT_WORDS = 20;
/** How an abstract ends: a sentence, a bracket or quote after one, or a URL. */
const ENDS_A_SENTENCE = /(?:[.!?…][)"”’\]]?|[)\]"”’]|\/[^\s]*)$/u;

/**
 * Doubts about an abstract: too short (page chrome read as a paper), or, for a copied page's last
 * paper, stopping mid-sentence (a file cut off). Only the last is checked for that: some real
 * abstracts end without a full stop (a list of keywords).
 */
function abstractDoubts(abstract: string, where: string, last: boolean): string[] {
  const words = abstract.split(/\s+/u).filter(Boolean).length;
  if (words === 0) return [];
  if (words < MIN_ABSTRACT_WORDS)
    return [
      `the abstract (${where}) is only ${words} word${words === 1 ? '' : 's'} long: is it page chrome or a cut-off listing? Check the source, and delete the entry if it is not a paper`,
    ];
  if (last && !ENDS_A_SENTENCE.test(abstract))
    return [
      `the last abstract (${where}) stops mid-sentence ("…${abstract.slice(-40)}"): is the file cut off? Check it, and complete the entry by hand`,
    ];
  return [];
}

/** Unwrapped text without the characters that draw nothing, and a warning for each one removed. */
function visible(text: string, field: string, where: string, warnings: Problem[]): string {
  const unwrapped = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const found = invisibleCharacters(unwrapped);
  if (found.length === 0) return unwrapped;
  const codes = [...new Set(found.map((f) => codePoint(f.char)))];
  warnings.push({
    where,
    field,
    message: `removed ${found.length} character${found.length === 1 ? '' : 's'} that draw${found.length === 1 ? 's' : ''} nothing (${codes.join(', ')}, first at character ${(found[0]?.index ?? 0) + 1}); check the ${field} reads as intended`,
  });
  return withoutInvisible(unwrapped).replace(/\s+/gu, ' ').trim();
}

/** Prepares one record. `last` marks a copied page's last paper, for the cut-off check. */
export function preparePaper(record: SourceRecord, where: string, last: boolean, checkEnding: boolean): Candidate {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const fail = (field: string, message: string): void => void errors.push({ where, field, message });
  const abstractAt = record.abstractLine === undefined ? 'abstract' : `line ${record.abstractLine}`;

  const title = repair(visible(record.title, 'title', where, warnings));
  const abstract = repair(visible(record.abstract, 'abstract', where, warnings));
  if (!title.text) fail('title', 'the title is empty');
  if (!abstract.text) fail('abstract', `the abstract (${abstractAt}) is empty`);
  const titleIssue = textProblem(title.text);
  if (titleIssue) fail('title', `the title ${titleIssue}`);
  const abstractIssue = textProblem(abstract.text);
  if (abstractIssue) fail('abstract', `the abstract (${abstractAt}) ${abstractIssue}`);
  for (const message of abstractDoubts(abstract.text, abstractAt, last && checkEnding))
    warnings.push({ where, field: 'abstract', message });
  for (const [field, text] of [
    ['title', title.text],
    ['abstract', abstract.text],
  ] as const) {
    for (const d of findDamage(text))
      warnings.push({
        where,
        field,
        message: `possible damage left (${d.name}): "…${d.excerpt}…"; add a repair rule in scripts/ingest/repair.ts if its meaning is certain, or fix the entry by hand`,
      });
  }
  // The abstract's own links, then those the source names, each URL once.
  const links = extractLinks(abstract.text);
  const same = (a: string, b: string): boolean => a.replace(/\/+$/u, '').toLowerCase() === b.replace(/\/+$/u, '').toLowerCase();
  for (const link of record.links) if (!links.some((l) => same(l.url, link.url))) links.push(link);
  return {
    record,
    title: title.text,
    abstract: abstract.text,
    links,
    metadata: record.metadata,
    rules: [...new Set([...title.rules, ...abstract.rules])],
    errors,
    warnings,
  };
}
