/**
 * An arXiv API response (Atom; `https://export.arxiv.org/api/query?id_list=…`), for papers that
 * never reached the Daily Papers page. Each `<entry>` gives the id (an abs URL with a version), the
 * title and summary (wrapped, TeX as written), the authors in order, the publication time and the
 * categories, the primary one first as arXiv lists them. Read with a feed parser, not by hand.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { ARXIV_CATEGORY, ARXIV_ID } from '../../../src/lib/schema.ts';
import { SourceError, type ParsedSource, type RecordProblem, type SourceRecord } from './types.ts';

const ABS_URL = /^https?:\/\/(?:export\.)?arxiv\.org\/abs\/(\d{4}\.\d{4,5})(?:v\d+)?$/u;

/** Reads an Atom response. `date` names the listing when given (YYYY-MM-DD). */
export function parseArxiv(source: string, date?: string): ParsedSource {
  let feed;
  try {
    feed = parseFeed(source.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new SourceError(`this is not an arXiv Atom feed (${(error as Error).message.split('\n')[0] ?? ''}); is it an error page?`);
  }
  const records: SourceRecord[] = [];
  const problems: RecordProblem[] = [];
  feed.items.forEach((item, index) => {
    const where = `entry ${index + 1}`;
    const arxiv = ABS_URL.exec(item.id ?? item.url ?? '')?.[1];
    const title = item.title?.trim() ?? '';
    const abstract = item.description?.trim() ?? '';
    if (!arxiv || !ARXIV_ID.test(arxiv)) {
      // arXiv reports a bad query as an entry titled "Error" with an id under /api/errors.
      const reason = /\/api\/errors/u.test(item.id ?? '')
        ? `arXiv answered with an error: ${abstract}`
        : `its id "${item.id ?? ''}" is not an arXiv abstract URL`;
      problems.push({ where, field: 'id', message: reason });
      return;
    }
    if (!title) problems.push({ where, field: 'title', message: 'the entry has no title' });
    if (!abstract) problems.push({ where, field: 'summary', message: 'the entry has no summary (abstract)' });
    if (!title || !abstract) return;
    const authors = (item.authors ?? []).map((a) => (a.name ?? '').replace(/\s+/gu, ' ').trim()).filter(Boolean);
    const categories = [...new Set((item.categories ?? []).map((c) => c.term ?? '').filter((t) => ARXIV_CATEGORY.test(t)))];
    const published = item.published ? new Date(item.published).toISOString().slice(0, 10) : undefined;
    records.push({
      position: records.length + 1,
      where: `${where} (arXiv ${arxiv})`,
      title,
      abstract,
      metadata: {
        arxiv,
        ...(authors.length > 0 ? { authors } : {}),
        ...(published ? { published } : {}),
        ...(categories.length > 0 ? { categories } : {}),
      },
      links: [],
    });
  });
  if (feed.items.length === 0) throw new SourceError('the feed holds no entries');
  return { format: 'arxiv', name: 'arXiv', ...(date ? { date } : {}), records, problems };
}
