/**
 * What every source adapter yields: the papers a source holds, each as the same normalised record
 * (title and abstract as the source writes them, the metadata it has, and its place in the source),
 * so one pipeline repairs, tags, plans and writes them whatever the source.
 */
import type { Link } from '../../../src/lib/links.ts';
import type { SourceFormat } from '../../../src/lib/schema.ts';

export type { SourceFormat };

export interface SourceMetadata {
  /** arXiv id without version. */
  arxiv?: string;
  authors?: string[];
  /** First published on arXiv, YYYY-MM-DD. */
  published?: string;
  /** Appeared on the Daily Papers page, YYYY-MM-DD. */
  submitted?: string;
  categories?: string[];
  keywords?: string[];
}

export interface SourceRecord {
  /** 1-based position in the source. */
  position: number;
  /** Where in the source, for messages: "line 12" or "item 3". */
  where: string;
  /** 1-based line of the abstract in a text source, for messages. */
  abstractLine?: number;
  title: string;
  abstract: string;
  metadata: SourceMetadata;
  /** Links the source names besides the abstract's (a repository, a project page). */
  links: Link[];
}

/** A part of a source that cannot be read as a paper: reported, and the rest goes ahead. */
export interface RecordProblem {
  where: string;
  field: string;
  message: string;
}

export interface ParsedSource {
  format: SourceFormat;
  /** The listing's name, e.g. "Daily Papers". */
  name: string;
  /** The listing's date as the source gives it ("Aug 5", "2025-05-30"), if it has one. */
  date?: string;
  records: SourceRecord[];
  problems: RecordProblem[];
}

/** A source that cannot be read at all. `line` when the problem has one. */
export class SourceError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'SourceError';
    this.line = line;
  }
}
