/**
 * A Hugging Face Daily Papers API response (`GET https://huggingface.co/api/daily_papers?date=…`):
 * a JSON array whose items hold the paper (`paper.id`, the arXiv id; `title`; `summary`, the arXiv
 * abstract hard-wrapped at about 80 columns; `authors[].name` in order; `publishedAt`; and, on newer
 * days, `submittedOnDailyAt`, `githubRepo`, `projectPage`, `ai_keywords`). Every field but the id,
 * the title and the summary is optional: older days lack what Hugging Face added later.
 */
import { z } from 'zod';
import type { Link } from '../../../src/lib/links.ts';
import { ARXIV_ID } from '../../../src/lib/schema.ts';
import { SourceError, type ParsedSource, type RecordProblem, type SourceRecord } from './types.ts';

const text = z.string().trim().min(1);
const url = z.url({ protocol: /^https?$/u });
const timestamp = z.iso.datetime({ offset: true });

/** One item of the response, as far as the catalogue reads it; other fields may be anything. */
const hfApiItem = z.looseObject({
  paper: z.looseObject({
    id: z.string().regex(/^\d{4}\.\d{4,5}(?:v\d+)?$/u, { error: 'paper.id must be an arXiv id such as 2505.22653' }),
    title: text,
    summary: text,
    authors: z.array(z.looseObject({ name: z.string() })).optional(),
    publishedAt: timestamp.optional(),
    submittedOnDailyAt: timestamp.optional(),
    githubRepo: z.union([url, z.literal(''), z.null()]).optional(),
    projectPage: z.union([url, z.literal(''), z.null()]).optional(),
    ai_keywords: z.array(z.string()).optional(),
  }),
});
type HfApiItem = z.infer<typeof hfApiItem>;

const day = (timestampValue: string | undefined): string | undefined => timestampValue?.slice(0, 10);

/** The issues of an invalid item as record problems: the item's position and each field's path. */
function itemProblems(index: number, error: z.ZodError): RecordProblem[] {
  return error.issues.map((issue) => ({
    where: `item ${index + 1}`,
    field: issue.path.map(String).join('.') || 'item',
    message: issue.message === 'Invalid input' ? `has an unexpected value or type` : issue.message,
  }));
}

function toRecord(item: HfApiItem, index: number, listingDay: string | undefined): SourceRecord {
  const { paper } = item;
  const arxiv = paper.id.replace(/v\d+$/u, '');
  const authors = (paper.authors ?? []).map((a) => a.name.replace(/\s+/gu, ' ').trim()).filter(Boolean);
  const keywords = [...new Set((paper.ai_keywords ?? []).map((k) => k.replace(/\s+/gu, ' ').trim()).filter(Boolean))];
  const links: Link[] = [];
  if (paper.githubRepo) links.push({ kind: 'code', url: paper.githubRepo });
  if (paper.projectPage) links.push({ kind: 'project', url: paper.projectPage });
  const submitted = day(paper.submittedOnDailyAt) ?? listingDay;
  const published = day(paper.publishedAt);
  return {
    position: index + 1,
    where: `item ${index + 1} (arXiv ${arxiv})`,
    title: paper.title,
    abstract: paper.summary,
    metadata: {
      ...(ARXIV_ID.test(arxiv) ? { arxiv } : {}),
      ...(authors.length > 0 ? { authors } : {}),
      ...(published ? { published } : {}),
      ...(submitted ? { submitted } : {}),
      ...(keywords.length > 0 ? { keywords } : {}),
    },
    links,
  };
}

/**
 * Reads a response. `date` is the day it was asked for (YYYY-MM-DD), when known; otherwise the day
 * its papers were submitted on, when they say. Items that do not fit are problems of their own;
 * a response that is not a JSON array of papers at all throws {@link SourceError}.
 */
export function parseHfApi(source: string, date?: string): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new SourceError(
      `this is not valid JSON (${(error as Error).message}): a Daily Papers API response is a JSON array; is the file cut off, or an error page?`,
    );
  }
  if (!Array.isArray(data)) {
    const what =
      data === null
        ? 'null'
        : typeof data === 'object'
          ? `an object with the keys ${Object.keys(data).slice(0, 6).join(', ')}`
          : `a ${typeof data}`;
    throw new SourceError(`expected a JSON array of papers, as the Daily Papers API returns, but found ${what}`);
  }
  const problems: RecordProblem[] = [];
  const items: { item: HfApiItem; index: number }[] = [];
  data.forEach((raw, index) => {
    const parsed = hfApiItem.safeParse(raw);
    if (parsed.success) items.push({ item: parsed.data, index });
    else problems.push(...itemProblems(index, parsed.error));
  });
  // The day the response is for: as asked, or the one its papers name most.
  const counts = new Map<string, number>();
  for (const { item } of items) {
    const d = day(item.paper.submittedOnDailyAt);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const named = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const listingDay = date ?? named;
  return {
    format: 'hf-api',
    name: 'Daily Papers',
    ...(listingDay ? { date: listingDay } : {}),

    records: items.map(({ item, index }) => toRecord(item, index, listingDay)),
    problems,
  };
}
