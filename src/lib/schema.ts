/**
 * The schemas of the catalogue's content, shared by `src/content.config.ts` (so `astro build`
 * validates every entry) and by the ingest (so it validates what it writes). Every field is
 * described, and every error says how to fix the entry.
 */
import { z } from 'astro/zod';

/** An id is a lowercase ASCII slug: the URL segment of the entry, and its file name. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
export const MAX_ID_LENGTH = 80;
/** Ids that would collide with the site's own pages under /papers/. */
export const RESERVED_IDS: readonly string[] = ['a-z', 'page'];
export const MAX_TOPICS = 4;
export const LINK_KINDS = ['code', 'project', 'other'] as const;

const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const PRIVATE_OR_NONCHAR = /[\uE000-\uF8FF\uFFFE\uFFFF\uFDD0-\uFDEF]/u;
const REPLACEMENT = /\uFFFD/u;

const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a title or abstract cannot be published as it is, or undefined when it can. Characters that
 * are invisible or reorder the text on screen are refused rather than silently removed, so the
 * page never shows something other than what the entry holds.
 */
export function textProblem(text: string): string | undefined {
  const checks: [RegExp, string][] = [
    [LONE_SURROGATE, 'a lone surrogate (half of a broken emoji or character); retype the character'],
    [CONTROL, 'the control character {cp}; delete it'],
    [BIDI, 'the bidirectional control {cp}, which can display text in a different order than it is stored; delete it'],
    [INVISIBLE, 'the invisible character {cp}; delete it'],
    [PRIVATE_OR_NONCHAR, 'the private-use or non-character {cp}; delete it'],
    [REPLACEMENT, 'the replacement character U+FFFD, left where a character was lost (was the file saved as UTF-8?); retype the character'],
  ];
  for (const [re, message] of checks) {
    const m = re.exec(text);
    if (m) return `contains ${message.replace('{cp}', codePoint(m[0]))} (at character ${m.index + 1})`;
  }
  if (text !== text.normalize('NFC')) return 'is not in Unicode NFC form; re-run the ingest, which normalises it';
  return undefined;
}

/**
 * The message for a field that is absent, or present with the wrong type: `add` says what to write
 * when it is absent (also for an empty YAML value, which reads as null); `wrong` otherwise.
 */
const missingOr =
  (field: string, add: string, wrong: string, nullIsMissing = true) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || (nullIsMissing && issue.input === null) ? `${field} is missing; ${add}` : wrong;

const cleanText = (field: string, of: 'paper' | 'topic' = 'paper') =>
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

export const linkSchema = fields('a link', {
  kind: z
    .enum(LINK_KINDS, { error: `link kind must be one of: ${LINK_KINDS.join(', ')}` })
    .describe('`code` for a GitHub/GitLab repository, `project` for a project page, `other` for anything else.'),
  url: z
    .url({ protocol: /^https?$/u, error: 'link url must be an absolute http(s) URL' })
    .describe('The URL as it appears in the abstract, without trailing punctuation.'),
}).describe('A URL found in the abstract.');

export const sourceSchema = fields('a source', {
  listing: z
    .string({ error: missingOr('source listing', 'add the id of the listing in content/sources/', 'source listing must be a string') })
    .regex(ID_PATTERN, { error: 'source listing must be the id of a file in content/sources/ (lowercase, dashes)' })
    .describe('Id of the raw listing kept in content/sources/<listing>.txt.'),
  name: z
    .string({ error: missingOr('source name', 'add the listing name as printed, e.g. "Daily Papers"', 'source name must be a string') })
    .min(1, { error: 'source name is empty; write the listing name as printed, e.g. "Daily Papers"' })
    .describe('The listing name as printed, e.g. "Daily Papers".'),
  date: z
    .string({
      error: missingOr(
        'source date',
        'add the date label exactly as printed, e.g. "Aug 5"',
        'source date must be a string; put it in double quotes',
      ),
    })
    .min(1, { error: 'source date is empty; write the date label exactly as printed, e.g. "Aug 5"' })
    .describe('The date label exactly as printed, e.g. "Aug 5". The source has no year, so none is stored.'),
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
        error: missingOr('topics', 'give the paper 1 to 4 topic ids from content/topics/', 'topics must be a list of topic ids'),
      })
      .min(1, { error: 'topics is empty; give the paper 1 to 4 topic ids from content/topics/' })
      .max(MAX_TOPICS, { error: `topics has more than ${MAX_TOPICS} ids; keep the ${MAX_TOPICS} that fit best` })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'topics lists the same id twice; remove the duplicate' })
      .describe('1 to 4 topic ids from the vocabulary in content/topics/. Hand edits survive re-ingestion.'),
    links: z
      .array(linkSchema, { error: 'links must be a list of {kind, url} items, or [] when the abstract has none' })
      .default([])
      .describe('Every URL found in the abstract, typed.'),
    sources: z
      .array(sourceSchema, {
        error: missingOr('sources', 'every paper records the listing it came from', 'sources must be a list of listings'),
      })
      .min(1, { error: 'sources is empty; every paper records the listing it came from' })
      .describe('Where the entry came from, oldest first.'),
    authors: z
      .array(z.string().trim().min(1))
      .min(1)
      .optional()
      .describe('Author names, in order. Absent until known: the Daily Papers text does not hold them.'),
    arxiv: z
      .string()
      .regex(/^\d{4}\.\d{4,5}(?:v\d+)?$/u, { error: 'arxiv must be a new-style arXiv id such as 2401.01234' })
      .optional()
      .describe('arXiv identifier, when known.'),
    published: z.iso
      .date({ error: 'published must be a date written YYYY-MM-DD' })
      .optional()
      .describe('Publication date, when known. Never guessed from a listing date label.'),
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
    .describe('Words and phrases (case-insensitive, whole words, plural -s allowed) that the ingest uses to tag papers.'),
  exclude: z
    .array(z.string().trim().min(2, { error: 'each exclude phrase needs at least 2 characters' }), {
      error: 'exclude must be a list of phrases',
    })
    .default([])
    .describe('Phrases whose presence stops a match, for rules that over-reach.'),
}).describe('A topic in content/topics/<id>.yaml. The file name is the id and the URL segment /topics/<id>/.');

export type TopicData = z.output<typeof topicSchema>;

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
