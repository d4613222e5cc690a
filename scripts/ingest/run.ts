/**
 * The ingest as a whole: reads a listing and the current content, decides what to write, and
 * validates all of it before anything is written. Either every file is written or none is.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { extractLinks } from '../../src/lib/links.ts';
import { texToText } from '../../src/lib/math.ts';
import { fromMdxBody, toMdxBody } from '../../src/lib/mdx.ts';
import { fieldIssues, paperSchema, textProblem, topicSchema } from '../../src/lib/schema.ts';
import { findDamage } from './damage.ts';
import { parseEntry, serializeEntry, type Entry, type EntryData, type Source } from './entry.ts';
import { ListingError, parseListing, type RawPaper } from './parse.ts';
import { repair } from './repair.ts';
import { slugify } from './slug.ts';
import { assignTopics, type TopicRule } from './topics.ts';

export interface Problem {
  /** Where: a file, optionally with a line, and the paper. */
  where: string;
  /** The frontmatter field or listing part concerned. */
  field: string;
  message: string;
}

export interface Write {
  path: string;
  content: string | Uint8Array;
  action: 'create' | 'update';
  summary: string;
}

export interface Plan {
  listingId: string;
  errors: Problem[];
  warnings: Problem[];
  writes: Write[];
  /** One line per paper: what happens to it. */
  report: string[];
}

export interface IngestOptions {
  listingPath: string;
  /** The content root holding papers/, topics/ and sources/. */
  contentDir: string;
}

/** Titles that differ only in case, spacing or Unicode form are the same paper. */
export const titleKey = (title: string): string => texToText(title).normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

function readText(path: string, where: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ListingError(`${where} is not UTF-8 text (is it a binary file?)`);
  }
}

/** Loads the topic vocabulary, validating every file. */
export function loadTopics(contentDir: string, errors: Problem[]): TopicRule[] {
  const dir = join(contentDir, 'topics');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  if (files.length === 0)
    errors.push({ where: dir, field: 'topics', message: 'no topic files (*.yaml); the ingest needs the topic vocabulary to tag papers' });
  const rules: TopicRule[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const parsed = topicSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      for (const { field, message } of fieldIssues(parsed.error)) errors.push({ where: path, field, message });
      continue;
    }
    rules.push({ id: basename(file, '.yaml'), match: parsed.data.match, exclude: parsed.data.exclude });
  }
  return rules;
}

interface Existing {
  path: string;
  data: Record<string, unknown>;
  body: string;
}

function loadEntries(contentDir: string, errors: Problem[]): Map<string, Existing> {
  const dir = join(contentDir, 'papers');
  const entries = new Map<string, Existing>();
  if (!existsSync(dir)) return entries;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const path = join(dir, file);
    try {
      const { data, body } = parseEntry(readFileSync(path, 'utf8'), path);
      entries.set(basename(file, '.mdx'), { path, data, body });
    } catch (error) {
      errors.push({ where: path, field: 'frontmatter', message: (error as Error).message });
    }
  }
  return entries;
}

/** The id under which a listing is kept in content/sources/: its name and date, made unique. */
function listingId(contentDir: string, name: string, date: string, bytes: Uint8Array): string {
  const base = `${slugify(name)}-${slugify(date)}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const path = join(contentDir, 'sources', `${id}.txt`);
    if (!existsSync(path) || Buffer.compare(readFileSync(path), bytes) === 0) return id;
  }
}

const sameSource = (a: Source, b: Source): boolean => a.listing === b.listing && a.position === b.position;
const sourceKey = (listing: string, position: number): string => `${listing}#${position}`;

/**
 * The title each paper had in each kept listing (by listing id and position), so a paper whose
 * title was corrected by hand is still recognised when a listing prints its old title.
 */
function listedTitles(contentDir: string): Map<string, { key: string; id: string }> {
  const dir = join(contentDir, 'sources');
  const titles = new Map<string, { key: string; id: string }>();
  if (!existsSync(dir)) return titles;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    try {
      for (const paper of parseListing(readFileSync(join(dir, file), 'utf8')).papers) {
        const title = repair(paper.title).text;
        titles.set(sourceKey(basename(file, '.txt'), paper.position), { key: titleKey(title), id: slugify(title) });
      }
    } catch {
      // A kept listing was ingested once, so it parses; if it was edited since, it names no titles.
    }
  }
  return titles;
}

/** Fewer words than this is not an abstract: page chrome, or a listing cut off mid-paragraph. */
const MIN_ABSTRACT_WORDS = 20;
/** How an abstract ends: a sentence, a bracket or quote after one, or a URL. */
const ENDS_A_SENTENCE = /(?:[.!?…][)"”’\]]?|[)\]"”’]|\/[^\s]*)$/u;

/**
 * Warnings for an abstract that is not one: too short (page chrome read as a paper), or, for the
 * listing's last paper, stopping mid-sentence (a file cut off). Only the last is checked for that:
 * some real abstracts end without a full stop (a list of keywords).
 */
function abstractDoubts(abstract: string, line: number, last: boolean): string[] {
  const words = abstract.split(/\s+/u).filter(Boolean).length;
  if (words === 0) return [];
  if (words < MIN_ABSTRACT_WORDS)
    return [
      `the abstract (line ${line}) is only ${words} word${words === 1 ? '' : 's'} long: is it page chrome or a cut-off listing? Check the listing, and delete the entry if it is not a paper`,
    ];
  if (last && !ENDS_A_SENTENCE.test(abstract))
    return [
      `the listing's last abstract (line ${line}) stops mid-sentence ("…${abstract.slice(-40)}"): is the file cut off? Check it, and complete the entry by hand`,
    ];
  return [];
}

/** Works out everything the ingest would do. Writes nothing. */
export function planIngest({ listingPath, contentDir }: IngestOptions): Plan {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const writes: Write[] = [];
  const report: string[] = [];
  const listingName = relative(process.cwd(), listingPath) || listingPath;

  const bytes = readFileSync(listingPath);
  let listing;
  try {
    listing = parseListing(readText(listingPath, listingName));
  } catch (error) {
    if (!(error instanceof ListingError)) throw error;
    const where = error.line === undefined ? listingName : `${listingName}:${error.line}`;
    errors.push({ where, field: 'listing', message: error.message.replace(/^line \d+: /u, '') });
    return { listingId: '', errors, warnings, writes, report };
  }

  const rules = loadTopics(contentDir, errors);
  const topicIds = rules.map((r) => r.id);
  const schema = paperSchema(topicIds);
  const existing = loadEntries(contentDir, errors);
  // An existing paper is recognised by where it was listed, by its title, or by the title a kept
  // listing printed for it (its title may have been corrected by hand since).
  const byTitle = new Map<string, string>();
  const bySource = new Map<string, string>();
  for (const [id, entry] of existing) {
    if (typeof entry.data['title'] === 'string') byTitle.set(titleKey(entry.data['title']), id);
  }
  const listed = listedTitles(contentDir);
  for (const [id, entry] of existing) {
    for (const s of Array.isArray(entry.data['sources']) ? (entry.data['sources'] as Source[]) : []) {
      const key = sourceKey(s.listing, s.position);
      bySource.set(key, id);
      // Only a title that made this entry's id is its printed title: a kept listing edited since
      // (a paper removed, the rest shifted) names other papers at these positions.
      const printed = listed.get(key);
      if (printed && printed.id === id && !byTitle.has(printed.key)) byTitle.set(printed.key, id);
    }
  }

  const id = listingId(contentDir, listing.name, listing.date, bytes);
  const sourcePath = join(contentDir, 'sources', `${id}.txt`);
  const keptAlready = existsSync(sourcePath);
  if (!keptAlready)
    writes.push({
      path: sourcePath,
      content: bytes,
      action: 'create',
      summary: `keep the raw listing as ${relative(process.cwd(), sourcePath)}`,
    });

  const claimed = new Map<string, RawPaper>();
  for (const paper of listing.papers) {
    const where = `${listingName}:${paper.titleLine} (paper #${paper.position})`;
    const fail = (field: string, message: string): void => void errors.push({ where, field, message });
    const title = repair(paper.title);
    const abstract = repair(paper.abstract);
    if (!title.text) fail('title', 'the title is empty');
    if (!abstract.text) fail('abstract', `the abstract (line ${paper.abstractLine}) is empty`);
    const abstractIssue = textProblem(abstract.text);
    if (abstractIssue) fail('abstract', `the abstract (line ${paper.abstractLine}) ${abstractIssue}`);
    const last = paper === listing.papers.at(-1);
    for (const message of abstractDoubts(abstract.text, paper.abstractLine, last)) warnings.push({ where, field: 'abstract', message });
    for (const [field, text] of [
      ['title', title.text],
      ['abstract', abstract.text],
    ] as const) {
      for (const d of findDamage(text))
        warnings.push({
          where,
          field,
          message: `possible scrape damage left (${d.name}): "…${d.excerpt}…"; add a repair rule or fix the entry by hand`,
        });
    }
    const key = titleKey(title.text);
    // The place in a listing identifies a paper only when that listing is the one kept: a listing
    // id is a name and a date without a year, so another year's listing could reuse it.
    const known = (keptAlready ? bySource.get(sourceKey(id, paper.position)) : undefined) ?? byTitle.get(key);
    const paperId = known ?? slugify(title.text);
    const twin = claimed.get(paperId);
    if (twin) {
      fail(
        'title',
        `"${paper.title}" has the same id "${paperId}" as paper #${twin.position} (line ${twin.titleLine}) "${twin.title}"; ${titleKey(twin.title) === key ? 'the listing holds this paper twice' : 'the titles differ but make the same id'}: remove one from the listing or make the titles distinct`,
      );
      continue;
    }
    claimed.set(paperId, paper);
    const source: Source = { listing: id, name: listing.name, date: listing.date, position: paper.position };
    const current = existing.get(paperId);

    if (current) {
      const currentTitle = typeof current.data['title'] === 'string' ? current.data['title'] : '';
      if (known === undefined) {
        fail(
          'id',
          `"${title.text}" makes the id "${paperId}", which ${relative(process.cwd(), current.path)} already uses for "${currentTitle}"; if they are the same paper make the titles identical, otherwise rename that entry's file and id (e.g. ${paperId}-2)`,
        );
        continue;
      }
      const sources = Array.isArray(current.data['sources']) ? (current.data['sources'] as Source[]) : [];
      if (sources.some((s) => sameSource(s, source))) {
        report.push(`  unchanged  ${paperId}`);
        continue;
      }
      const data = { ...current.data, sources: [...sources, source] } as unknown as EntryData;
      const checked = schema.safeParse(data);
      if (!checked.success) {
        for (const { field, message } of fieldIssues(checked.error))
          fail(field, `${message} (in ${relative(process.cwd(), current.path)})`);
        continue;
      }
      writes.push({
        path: current.path,
        content: serializeEntry({ data, body: current.body }),
        action: 'update',
        summary: `add source ${id} #${paper.position}`,
      });
      report.push(`  source+    ${paperId}  (already in the catalogue; its title, abstract and topics are kept)`);
      continue;
    }

    const topics = assignTopics(title.text, abstract.text, rules);
    if (topics.length === 0) {
      fail(
        'topics',
        `no topic rule matches "${texToText(title.text)}"; add one of its key phrases to the match list of a topic in ${join(contentDir, 'topics')}/`,
      );
      continue;
    }
    const data: EntryData = { id: paperId, title: title.text, topics, links: extractLinks(abstract.text), sources: [source] };
    const entry: Entry = { data, body: toMdxBody(abstract.text) };
    const checked = schema.safeParse(data);
    if (!checked.success) {
      for (const { field, message } of fieldIssues(checked.error)) fail(field, message);
      continue;
    }
    if (fromMdxBody(entry.body) !== abstract.text) {
      fail(
        'abstract',
        'the abstract does not survive escaping unchanged; this is a bug in src/lib/mdx.ts, please report it with this listing',
      );
      continue;
    }
    const path = join(contentDir, 'papers', `${paperId}.mdx`);
    const rulesFired = [...new Set([...title.rules, ...abstract.rules])];
    writes.push({ path, content: serializeEntry(entry), action: 'create', summary: `new paper` });
    report.push(`  new        ${paperId}  topics: ${topics.join(', ')}${rulesFired.length ? `  repaired: ${rulesFired.join(', ')}` : ''}`);
  }
  return { listingId: id, errors, warnings, writes, report };
}

/** Writes a plan atomically per file (temp file, then rename). */
export function applyPlan(plan: Plan): void {
  for (const write of plan.writes) {
    mkdirSync(join(write.path, '..'), { recursive: true });
    const temp = `${write.path}.tmp-${process.pid}`;
    writeFileSync(temp, write.content);
    renameSync(temp, write.path);
  }
}
