/**
 * The schemas of the catalogue's content, shared by `src/content.config.ts` (so `astro build`
 * validates every entry) and by the ingest (so it validates what it writes). Every field is
 * described, and every error says how to fix the entry.
 */
import { z } from 'zod';
import { textProblem } from './characters.ts';

/** An id is a lowercase ASCII slug: the URL segment of the entry, and its file name. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
export const MAX_ID_LENGTH = 80;
/** Ids that would collide with the site's own pages under /papers/. */
export const RESERVED_IDS: readonly string[] = ['a-z', 'page'];
export const MAX_TOPICS = 4;
export const LINK_KINDS = ['code', 'project', 'other'] as const;

export { textProblem } from './characters.ts';

/** The kinds of source the ingest reads (see scripts/ingest/sources/). */
export const SOURCE_FORMATS = ['hf-page', 'hf-api', 'arxiv'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
/** The file extension a source of each format is kept under in content/sources/. */
export const SOURCE_EXTENSIONS: Readonly<Record<SourceFormat, string>> = { 'hf-page': 'txt', 'hf-api': 'json', arxiv: 'xml' };
/** A new-style arXiv identifier without its version: 2508.02324 (or 0704.0001, four digits before 2015). */
export const ARXIV_ID = /^\d{4}\.\d{4,5}$/u;
/** An arXiv category: cs.LG, stat.ML, q-bio.NC, hep-th, math-ph. */
export const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z-]+)?$/u;

/**
 * The message for a field that is absent, or present with the wrong type: `add` says what to write
 * when it is absent (also for an empty YAML value, which reads as null); `wrong` otherwise.
 */
const missingOr =
  (field: string, add: string, wrong: string, nullIsMissing = true) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || (nullIsMissing && issue.input === null) ? `${field} is missing; ${add}` : wrong;

const cleanText = (field: string, of: 'paper' | 'topic' | 'abbreviation' = 'paper') =>
  z
    .string({
      // `title: null` is YAML's null, not a missing title: quoting it is the fix.
      error: missingOr(field, `add a line "${field}: …"`, `${field} must be a string; put it in double quotes`, false),
    })
    .trim()
    .min(1, { error: `${field} is empty; write the ${field} of the ${of}` })
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${field} ${problem}` });
    });

/** An object with only these fields: a typo in a field name is named, with the fields there are. */
function fields<Shape extends z.ZodRawShape>(what: string, shape: Shape) {
  const names = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; ${what} has only ${names} (check the spelling)`
        : undefined,
  });
}

const linkSchema = fields('a link', {
  kind: z
    .enum(LINK_KINDS, { error: `link kind must be one of: ${LINK_KINDS.join(', ')}` })
    .describe('`code` for a GitHub/GitLab repository, `project` for a project page, `other` for anything else.'),
  url: z
    .url({ protocol: /^https?$/u, error: 'link url must be an absolute http(s) URL' })
    .describe('The URL as it appears in the abstract, without trailing punctuation.'),
}).describe('A URL found in the abstract.');

const sourceSchema = fields('a source', {
  listing: z
    .string({ error: missingOr('source listing', 'add the id of the source in content/sources/', 'source listing must be a string') })
    .regex(ID_PATTERN, { error: 'source listing must be the id of a file in content/sources/ (lowercase, dashes)' })
    .describe('Id of the raw source kept in content/sources/<listing>.<txt|json|xml> (the extension follows the format).'),
  format: z
    .enum(SOURCE_FORMATS, { error: `source format must be one of: ${SOURCE_FORMATS.join(', ')}` })
    .default('hf-page')
    .describe(
      'What the source is: `hf-page` (text copied from a Hugging Face papers page; the default, as in hand-written entries), `hf-api` (a Daily Papers API response), `arxiv` (an arXiv API Atom feed).',
    ),
  name: z
    .string({ error: missingOr('source name', 'add the listing name as printed, e.g. "Daily Papers"', 'source name must be a string') })
    .min(1, { error: 'source name is empty; write the listing name as printed, e.g. "Daily Papers"' })
    .describe('The listing name as printed, e.g. "Daily Papers".'),
  date: z
    .string({ error: 'source date must be a string; put it in double quotes' })
    .min(1, { error: 'source date is empty; write the date as the source gives it, e.g. "Aug 5", or remove the line' })
    .optional()
    .describe(
      'The date of the listing as its source gives it: the label exactly as printed on a copied page ("Aug 5", no year), the day of an API response (2025-05-30). Absent when the source has none.',
    ),
  position: z
    .int({
      error: missingOr(
        'source position',
        'add the position of the paper in that listing, from 1',
        'source position must be a whole number from 1',
      ),
    })
    .positive({ error: 'source position must be a whole number from 1' })
    .describe('1-based position of the paper in that listing.'),
}).describe('One listing this paper was ingested from.');

const isoDate = (field: string, what: string) =>
  z.iso
    .date({ error: `${field} must be a date written YYYY-MM-DD` })
    .optional()
    .describe(what);

/** Builds the paper schema for a topic vocabulary. Unknown topic ids fail with the list of known ones. */
export function paperSchema(topicIds: readonly string[]) {
  const known = [...topicIds].sort();
  const topicId = z.string().refine((id) => known.includes(id), {
    error: (issue) =>
      `unknown topic "${String(issue.input)}"; use one of the ids in content/topics/ (${known.join(', ')}) or add a topic file there`,
  });
  return fields('a paper', {
    id: z
      .string({ error: missingOr('id', 'add a line "id: …" with the file name (without .mdx)', 'id must be a string') })
      .regex(ID_PATTERN, {
        error: 'id must be a lowercase ASCII slug (a-z, 0-9 and single dashes); re-run the ingest to derive it from the title',
      })
      .max(MAX_ID_LENGTH, { error: `id must be at most ${MAX_ID_LENGTH} characters` })
      .refine((id) => !RESERVED_IDS.includes(id), {
        error: (issue) => `id "${String(issue.input)}" is reserved for the site's own pages; use "${String(issue.input)}-paper"`,
      })
      .describe('Canonical id: the file name and the URL segment /papers/<id>/. Never changes once published.'),
    title: cleanText('title').describe('The repaired title. TeX math is allowed as $…$; write a literal dollar as \\$.'),
    topics: z
      .array(topicId, {
        error: missingOr(
          'topics',
          'give the paper up to 4 topic ids from content/topics/, or [] while it awaits one',
          'topics must be a list of topic ids',
        ),
      })
      .max(MAX_TOPICS, { error: `topics has more than ${MAX_TOPICS} ids; keep the ${MAX_TOPICS} that fit best` })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'topics lists the same id twice; remove the duplicate' })
      .describe(
        'Up to 4 topic ids from the vocabulary in content/topics/; [] while the paper awaits a topic (no rule matched it). Hand edits survive re-ingestion.',
      ),
    links: z
      .array(linkSchema, { error: 'links must be a list of {kind, url} items, or [] when the paper has none' })
      .default([])
      .describe("The paper's links, typed: every URL in the abstract, and the code and project pages its source names."),
    sources: z
      .array(sourceSchema, {
        error: missingOr('sources', 'every paper records the listing it came from', 'sources must be a list of listings'),
      })
      .min(1, { error: 'sources is empty; add the listing the paper came from (listing, name and position), as the ingest writes it' })
      .describe('Where the entry came from, oldest first.'),
    authors: z
      .array(z.string().trim().min(1, { error: 'authors holds an empty name; remove it' }), {
        error: 'authors must be a list of names, e.g. ["Ada Lovelace", "Alan Turing"]',
      })
      .min(1, { error: 'authors is empty; list the names, or remove the line while they are unknown' })
      .optional()
      .describe('Author names, in order, as the source gives them. Absent when the source has none (a copied page).'),
    arxiv: z
      .string({ error: 'arxiv must be a string; put it in double quotes' })
      .regex(ARXIV_ID, { error: 'arxiv must be a new-style arXiv id without its version, such as "2508.02324"' })
      .optional()
      .describe('The arXiv identifier, without version (2508.02324), when the source gives it.'),
    published: isoDate('published', 'The day the paper was first published on arXiv, when the source gives it. Never guessed.'),
    submitted: isoDate('submitted', 'The day the paper appeared on the Hugging Face Daily Papers page, when the source gives it.'),
    categories: z
      .array(z.string().regex(ARXIV_CATEGORY, { error: 'each category must be an arXiv category such as "cs.LG"' }), {
        error: 'categories must be a list of arXiv categories, e.g. ["cs.LG", "cs.CL"]',
      })
      .min(1, { error: 'categories is empty; remove the line while they are unknown' })
      .optional()
      .describe('arXiv categories, the primary one first, when the source gives them.'),
    keywords: z
      .array(z.string().trim().min(1, { error: 'keywords holds an empty keyword; remove it' }), {
        error: 'keywords must be a list of phrases',
      })
      .optional()
      .describe(
        "Key phrases Hugging Face's API derived for the paper (`ai_keywords`). Used for topic matching and search, never shown as the paper's own words.",
      ),
  }).describe('Frontmatter of a paper entry in content/papers/<id>.mdx. The body is the abstract.');
}

export type SourceData = z.output<typeof sourceSchema>;
export type PaperData = z.output<ReturnType<typeof paperSchema>>;

export const topicSchema = fields('a topic', {
  name: cleanText('name', 'topic').describe('Display name, e.g. "Scaling laws".'),
  summary: cleanText('summary', 'topic')
    .pipe(z.string().max(90, { error: 'summary must fit on one line (at most 90 characters); put the detail in description' }))
    .describe('One line for topic cards, e.g. "How loss and abilities scale with model size, data and compute."'),
  description: cleanText('description', 'topic').describe('One paragraph, written for a researcher, that says what the topic covers.'),
  aliases: z
    .array(z.string().trim().min(2, { error: 'each alias needs at least 2 characters' }), {
      error: 'aliases must be a list of names, e.g. [MoE, sparse experts]',
    })
    .default([])
    .describe(
      'Other names a reader may search for: abbreviations and spellings (e.g. MoE, ViT, optimizer). A search for one shows the topic.',
    ),
  match: z
    .array(z.string().trim().min(2, { error: 'each match phrase needs at least 2 characters' }), {
      error: missingOr('match', 'list the words and phrases that put a paper in this topic', 'match must be a list of phrases'),
    })
    .min(1, { error: 'match is empty; list the words and phrases that put a paper in this topic' })
    .describe(
      'Words and phrases that put a paper in this topic: matched on word stems (plural, -ing and British spelling alike), case and punctuation aside. `*bench` matches any word ending in "bench"; `=optimizer` the word as written, plural aside, where its stem would match too much (optimization).',
    ),
  title: z
    .array(z.string().trim().min(2, { error: 'each title phrase needs at least 2 characters' }), {
      error: 'title must be a list of phrases',
    })
    .default([])
    .describe('Phrases (benchmark, dataset) that put a paper in this topic when its title holds them, and count for nothing elsewhere.'),
  weak: z
    .array(z.string().trim().min(2, { error: 'each weak phrase needs at least 2 characters' }), {
      error: 'weak must be a list of phrases',
    })
    .default([])
    .describe(
      'Generic words (reward, policy, precision) that support this topic only when one of its match phrases is in the paper too: alone they decide nothing.',
    ),
  exclude: z
    .array(z.string().trim().min(2, { error: 'each exclude phrase needs at least 2 characters' }), {
      error: 'exclude must be a list of phrases',
    })
    .default([])
    .describe('Phrases whose presence stops a match, for rules that over-reach.'),
}).describe(
  'A topic in content/topics/<id>.yaml, or <id>.mdx with a curated overview as its body. The file name is the id and the URL segment /topics/<id>/.',
);

export type TopicData = z.output<typeof topicSchema>;

export const glossarySchema = fields('a glossary entry', {
  expand: z
    .array(cleanText('expand', 'abbreviation').pipe(z.string().min(3, { error: 'an expansion needs at least 3 characters' })), {
      error: 'expand must be a list of what the abbreviation stands for, e.g. { expand: [large language model] }',
    })
    .min(1, { error: 'expand is empty; write what the abbreviation stands for' })
    .describe('What the abbreviation stands for, singular, lower case except names: [large language model].'),
}).describe('An abbreviation of the field in content/glossary.yaml: the key is the abbreviation as written (LLM, LoRA, μP).');

/** The field (dotted path; the unknown keys for a typo in a field name) and the message of each zod issue. */
export function fieldIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '',
    message: issue.message,
  }));
}

/** Formats zod issues as `field: message` lines. */
export function formatIssues(error: z.ZodError): string[] {
  return fieldIssues(error).map(({ field, message }) => (field ? `${field}: ${message}` : message));
}
