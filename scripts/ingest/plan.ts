/**
 * The ingest as a whole, minus the writing: reads a source, prepares each paper, recognises the
 * papers the catalogue already has, merges what the source adds, tags the new ones, and validates
 * every file it would write. Each paper stands alone: a paper with a problem is refused and
 * reported, and the others go ahead (unless the run is strict).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { texToText } from '../../src/lib/math.ts';
import { fromMdxBody, toMdxBody } from '../../src/lib/mdx.ts';
import { titleKey } from '../../src/lib/papers.ts';
import { fieldIssues, paperSchema, SOURCE_EXTENSIONS, type PaperData, type SourceData } from '../../src/lib/schema.ts';
import { environmentError } from './commit.ts';
import { loadCatalogue, sourceKey, type CatalogueState, type Existing, type Problem } from './catalogue.ts';
import { serializeEntry, type Entry } from './entry.ts';
import { mergeInto } from './merge.ts';
import { preparePaper, type Candidate } from './prepare.ts';
import { decodeSource } from './read.ts';
import { slugify } from './slug.ts';
import { detectFormat, parseSource, SourceError, type ParsedSource, type SourceFormat, type SourceRecord } from './sources/index.ts';
import { assignTopics } from './topics.ts';

export type { Problem };

export interface Write {
  path: string;
  content: string | Uint8Array;
  action: 'create' | 'update';
  summary: string;
}

/** What happens to one paper of the source. */
type Outcome =
  | { kind: 'new'; id: string; where: string; topics: string[]; rules: string[] }
  | { kind: 'updated'; id: string; where: string; changes: string[] }
  | { kind: 'unchanged'; id: string; where: string }
  | { kind: 'refused'; where: string; title: string };

interface Counts {
  new: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** New papers that no topic rule matched. */
  untagged: number;
}

export interface Plan {
  /** The kept source: its id in content/sources/, format, name and date. Absent when the source cannot be read. */
  listing?: { id: string; format: SourceFormat; name: string; date?: string };
  /** Problems that stop the whole run: an unreadable source, a broken topic file. */
  errors: Problem[];
  /** Problems of single papers, each of which is refused. */
  refused: Problem[];
  warnings: Problem[];
  writes: Write[];
  outcomes: Outcome[];
  counts: Counts;
  /** New papers that await a topic. */
  untagged: { id: string; title: string }[];
}

export interface IngestOptions {
  sourcePath: string;
  /** The source's bytes, when they do not come from the file at sourcePath (a fetched response). */
  bytes?: Uint8Array | undefined;
  /** How messages name the source (default: sourcePath, relative to the working folder). */
  name?: string | undefined;
  /** The content root holding papers/, topics/ and sources/. */
  contentDir: string;
  /** The source's format, when its content should not decide. */
  format?: SourceFormat | undefined;
  /** The listing's date, when the source does not say (YYYY-MM-DD or a label as printed). */
  date?: string | undefined;
}

const emptyCounts = (): Counts => ({ new: 0, updated: 0, unchanged: 0, refused: 0, untagged: 0 });
const shortHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 8);
const ISO_DAY = /(\d{4}-\d{2}-\d{2})/u;

/**
 * The id a source is kept under in content/sources/. A copied page: its name and date label, with
 * `-2`, `-3`… for another page of the same name and label (another year's Aug 5). An API or arXiv
 * response: its format and day, one file per day, replaced by a newer response for that day.
 * Without a date, a short hash of the bytes.
 */
function listingIdFor(contentDir: string, source: ParsedSource, bytes: Uint8Array): { id: string; kept: boolean; replaces: boolean } {
  const ext = SOURCE_EXTENSIONS[source.format];
  const pathOf = (id: string): string => join(contentDir, 'sources', `${id}.${ext}`);
  const same = (id: string): boolean => existsSync(pathOf(id)) && Buffer.compare(readFileSync(pathOf(id)), bytes) === 0;
  if (source.format !== 'hf-page') {
    const prefix = source.format === 'hf-api' ? 'hf-daily' : 'arxiv';
    const day = source.date && ISO_DAY.test(source.date) ? (ISO_DAY.exec(source.date)?.[1] ?? '') : '';
    const id = `${prefix}-${day || shortHash(bytes)}`;
    return { id, kept: same(id), replaces: existsSync(pathOf(id)) && !same(id) };
  }
  const base = source.date ? `${slugify(source.name)}-${slugify(source.date)}` : `${slugify(source.name)}-${shortHash(bytes)}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(pathOf(id)) || same(id)) return { id, kept: same(id), replaces: false };
  }
}

/** A new id: the title's slug, with -2, -3… when another paper (or one of this run) has it. */
function newId(title: string, taken: (id: string) => boolean): string {
  const base = slugify(title);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, 80 - suffix.length).replace(/-+$/u, '')}${suffix}`;
    if (!taken(id)) return id;
  }
}

/** The date a source's file name gives (daily_papers-2025-05-30.json), for sources that name none. */
const dateFromFileName = (path: string): string | undefined => ISO_DAY.exec(basename(path))?.[1];

/** Reads and parses the source file, or records why it cannot be read. */
function readSource(options: IngestOptions, name: string, errors: Problem[], warnings: Problem[]) {
  let bytes: Uint8Array;
  try {
    bytes = options.bytes ?? readFileSync(options.sourcePath);
  } catch (error) {
    throw environmentError(error, options.sourcePath, 'read');
  }
  try {
    const { text, note } = decodeSource(bytes);
    if (note) warnings.push({ where: name, field: 'encoding', message: note });
    const format = options.format ?? detectFormat(text);
    // A response's file name may give its day (daily_papers-2025-05-30.json); a copied page's is anyone's guess.
    const date = options.date ?? (format === 'hf-page' ? undefined : dateFromFileName(options.sourcePath));
    const source = parseSource(text, { format, date });
    return { bytes, source };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    errors.push({
      where: error.line === undefined ? name : `${name}:${error.line}`,
      field: 'source',
      message: error.message.replace(/^line \d+: /u, ''),
    });
    return undefined;
  }
}

/** What one run knows as it plans: the catalogue, the kept source, and the papers planned so far. */
interface Run {
  name: string;
  contentDir: string;
  catalogue: CatalogueState;
  schema: ReturnType<typeof paperSchema>;
  listing: NonNullable<Plan['listing']>;
  /** Whether this very source was kept before (so its places identify papers). */
  keptAlready: boolean;
  plan: Plan;
  /** Papers of this run, by id, arXiv id and title key: a source cannot hold one paper twice. */
  claimed: Map<string, { candidate: Candidate; where: string }>;
  byArxiv: Map<string, string>;
  byTitle: Map<string, string>;
}

/** Works out everything the ingest would do. Writes nothing. */
export function planIngest(options: IngestOptions): Plan {
  const name = options.name ?? (relative(process.cwd(), options.sourcePath) || options.sourcePath);
  const plan: Plan = { errors: [], refused: [], warnings: [], writes: [], outcomes: [], counts: emptyCounts(), untagged: [] };
  const read = readSource(options, name, plan.errors, plan.warnings);
  if (!read) return plan;
  const { bytes, source } = read;
  for (const where of new Set(source.problems.map((p) => p.where))) {
    plan.outcomes.push({ kind: 'refused', where: `${name} ${where}`, title: '' });
    plan.counts.refused += 1;
  }
  plan.refused.push(...source.problems.map((p) => ({ where: `${name} ${p.where}`, field: p.field, message: p.message })));

  const catalogue = loadCatalogue(options.contentDir, plan.errors);
  if (plan.errors.length > 0) return plan;
  const kept = keepSource(options.contentDir, source, bytes, plan);
  const run: Run = {
    name,
    contentDir: options.contentDir,
    catalogue,
    schema: paperSchema(catalogue.rules.map((r) => r.id)),
    listing: kept.listing,
    keptAlready: kept.already,
    plan,
    claimed: new Map(),
    byArxiv: new Map(),
    byTitle: new Map(),
  };
  source.records.forEach((record, index) => planPaper(run, source, record, index === source.records.length - 1));
  return { listing: run.listing, ...plan };
}

/** Keeps the source under content/sources/ (unless it is there already); returns its listing. */
function keepSource(contentDir: string, source: ParsedSource, bytes: Uint8Array, plan: Plan) {
  const listing = listingIdFor(contentDir, source, bytes);
  if (!listing.kept) {
    const path = join(contentDir, 'sources', `${listing.id}.${SOURCE_EXTENSIONS[source.format]}`);
    plan.writes.push({
      path,
      content: bytes,
      action: listing.replaces ? 'update' : 'create',
      summary: listing.replaces
        ? 'replace the kept response of that day with this newer one'
        : `keep the source as ${relative(process.cwd(), path)}`,
    });
  }
  return {
    listing: { id: listing.id, format: source.format, name: source.name, ...(source.date ? { date: source.date } : {}) },
    already: listing.kept,
  };
}

/** Plans one paper of the source: refused, unchanged, updated or new. */
function planPaper(run: Run, source: ParsedSource, record: SourceRecord, last: boolean): void {
  const where = `${run.name} ${record.where}${source.format === 'hf-page' ? ` (paper #${record.position})` : ''}`;
  const candidate = preparePaper(
    record,
    record.abstractLine === undefined ? record.where : `line ${record.abstractLine}`,
    last,
    source.format === 'hf-page',
  );
  for (const problem of [...candidate.errors, ...candidate.warnings]) problem.where = where;
  run.plan.warnings.push(...candidate.warnings);
  const refuse = (problems: Problem[]): void => {
    run.plan.refused.push(...problems);
    run.plan.counts.refused += 1;
    run.plan.outcomes.push({ kind: 'refused', where, title: texToText(candidate.title) || record.title });
  };
  if (candidate.errors.length > 0) return refuse(candidate.errors);
  const twin = twinInRun(run, candidate, where);
  if (twin) return refuse([twin]);
  const sourceEntry: SourceData = {
    listing: run.listing.id,
    format: run.listing.format,
    name: run.listing.name,
    ...(run.listing.date ? { date: run.listing.date } : {}),
    position: record.position,
  };
  const known = recognise(run.catalogue, candidate, sourceEntry, run.keptAlready);
  const planned = known ? planUpdate(run, known, candidate, sourceEntry, where) : planNew(run, candidate, sourceEntry, where);
  if ('problems' in planned) return refuse(planned.problems);
  const { id } = planned;
  run.claimed.set(id, { candidate, where });
  if (candidate.metadata.arxiv) run.byArxiv.set(candidate.metadata.arxiv, id);
  run.byTitle.set(titleKey(candidate.title), id);
}

/** The problem of a paper this source already holds earlier (by arXiv id or title), if it does. */
function twinInRun(run: Run, candidate: Candidate, where: string): Problem | undefined {
  const arxiv = candidate.metadata.arxiv;
  const byArxiv = arxiv ? run.byArxiv.get(arxiv) : undefined;
  const twin = byArxiv ?? run.byTitle.get(titleKey(candidate.title));
  if (twin === undefined) return undefined;
  const other = run.claimed.get(twin);
  return {
    where,
    field: byArxiv ? 'arxiv' : 'title',
    message: `the source holds this paper twice: it is also ${other?.where ?? 'earlier in the source'}${other ? ` ("${texToText(other.candidate.title)}")` : ''}; the first is kept`,
  };
}

/** The id a paper was planned under, or the problems that refuse it. */
type Planned = { id: string } | { problems: Problem[] };

/** Plans what a source adds to a paper the catalogue has. */
function planUpdate(run: Run, known: Existing, candidate: Candidate, source: SourceData, where: string): Planned {
  const merged = mergeInto(known, candidate, source);
  run.plan.warnings.push(...merged.disagreements.map(({ field, message }) => ({ where, field, message })));
  if (merged.changes.length === 0) {
    run.plan.counts.unchanged += 1;
    run.plan.outcomes.push({ kind: 'unchanged', id: known.id, where });
    return { id: known.id };
  }
  // A paper no rule matched before may match now, with what the source adds (its keywords).
  if (known.topics.length === 0) {
    const topics = assignTopics(
      { title: candidate.title, abstract: candidate.abstract, keywords: merged.data.keywords ?? [] },
      run.catalogue.rules,
    );
    if (topics.length > 0) {
      merged.data.topics = topics;
      merged.changes.push(`topics: ${topics.join(', ')}`);
    }
  }
  const checked = run.schema.safeParse(merged.data);
  if (!checked.success)
    return {
      problems: fieldIssues(checked.error).map(({ field, message }) => ({
        where,
        field,
        message: `${message} (in ${relative(process.cwd(), known.path)})`,
      })),
    };
  run.plan.writes.push({
    path: known.path,
    content: serializeEntry({ data: merged.data, body: known.body }),
    action: 'update',
    summary: merged.changes.join('; '),
  });
  run.plan.counts.updated += 1;
  run.plan.outcomes.push({ kind: 'updated', id: known.id, where, changes: merged.changes });
  return { id: known.id };
}

/** Plans a new entry for a paper the catalogue does not have. */
function planNew(run: Run, candidate: Candidate, source: SourceData, where: string): Planned {
  const taken = (id: string): boolean => run.catalogue.entries.has(id) || run.claimed.has(id);
  const id = newId(candidate.title, taken);
  const topics = assignTopics(
    { title: candidate.title, abstract: candidate.abstract, keywords: candidate.metadata.keywords ?? [] },
    run.catalogue.rules,
  );
  const data: PaperData = { id, title: candidate.title, ...candidate.metadata, topics, links: candidate.links, sources: [source] };
  const entry: Entry = { data, body: toMdxBody(candidate.abstract) };
  const checked = run.schema.safeParse(data);
  if (!checked.success) return { problems: fieldIssues(checked.error).map(({ field, message }) => ({ where, field, message })) };
  if (fromMdxBody(entry.body) !== candidate.abstract)
    return {
      problems: [
        {
          where,
          field: 'abstract',
          message: 'the abstract does not survive escaping unchanged; this is a bug in src/lib/mdx.ts, please report it with this source',
        },
      ],
    };
  const slug = slugify(candidate.title);
  if (id !== slug) {
    const holder = run.catalogue.entries.get(slug);
    const heldBy = holder ? relative(process.cwd(), holder.path) : (run.claimed.get(slug)?.where ?? 'another paper');
    run.plan.warnings.push({
      where,
      field: 'id',
      message: `the title makes the id "${slug}", which ${heldBy} already has, so this paper is "${id}"; if they are the same paper, merge the two entries by hand`,
    });
  }
  run.plan.writes.push({
    path: join(run.contentDir, 'papers', `${id}.mdx`),
    content: serializeEntry(entry),
    action: 'create',
    summary: 'new paper',
  });
  run.plan.counts.new += 1;
  if (topics.length === 0) {
    run.plan.counts.untagged += 1;
    run.plan.untagged.push({ id, title: texToText(candidate.title) });
  }
  run.plan.outcomes.push({ kind: 'new', id, where, topics, rules: candidate.rules });
  return { id };
}

/**
 * The entry an incoming paper already is, if any: by arXiv id, then by its place in the kept copy
 * of this very page (a listing id is a name and a date without a year, so another year's page could
 * reuse it), then by title.
 */
function recognise(catalogue: CatalogueState, candidate: Candidate, source: SourceData, keptAlready: boolean): Existing | undefined {
  const byArxiv = candidate.metadata.arxiv ? catalogue.byArxiv.get(candidate.metadata.arxiv) : undefined;
  const bySource = keptAlready && source.format === 'hf-page' ? catalogue.bySource.get(sourceKey(source)) : undefined;
  const byTitle = catalogue.byTitle.get(titleKey(candidate.title));
  const id = byArxiv ?? bySource ?? byTitle;
  if (id === undefined) return undefined;
  const entry = catalogue.entries.get(id);
  // A title match with another arXiv id is another paper of the same title.
  if (entry && byArxiv === undefined && candidate.metadata.arxiv && entry.arxiv) return undefined;
  return entry;
}
