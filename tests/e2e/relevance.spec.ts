/**
 * The relevance set (tests/fixtures/relevance.json): queries a researcher would type, each run
 * through the real search page of the production build. Prints success@1 (the first result is an
 * expected paper) and MRR (the mean of 1 / rank of the first expected paper among the results
 * shown, 0 when none is shown), overall and per kind of query, and fails below the bar.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { writeState } from '../../src/lib/search-state.ts';
import { contentPapers } from './content.ts';

interface Judged {
  kind: string;
  query: string;
  expect: string[];
}

const SET = JSON.parse(readFileSync(new URL('../fixtures/relevance.json', import.meta.url), 'utf8')) as { queries: Judged[] };
/** The bar: every change to ranking is measured against it (README, Search). */
const MIN_SUCCESS_AT_1 = 0.95;
const MIN_MRR = 0.97;

const idOf = (href: string): string => href.replace(/^.*\/papers\/([^/]+)\/$/u, '$1');
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);

test('the relevance set names only papers of the catalogue, with at least 40 queries of every kind', () => {
  const ids = new Set(contentPapers().map((p) => p.id));
  expect(SET.queries.length).toBeGreaterThanOrEqual(40);
  expect(new Set(SET.queries.map((q) => q.kind))).toEqual(new Set(['acronym', 'expansion', 'british', 'half-remembered', 'method']));
  for (const q of SET.queries) for (const id of q.expect) expect(ids.has(id), `${q.query}: ${id}`).toBe(true);
});

test('the relevance set: success@1 and MRR over the real search page', async ({ page }, testInfo) => {
  test.setTimeout(360_000);
  await page.goto('search/');
  await expect(page.locator('form[data-search-form][data-ready]')).toBeAttached();
  const box = page.getByRole('searchbox', { name: 'Search papers' }).last();
  const rows: { kind: string; query: string; rank: number; first: string }[] = [];
  for (const q of SET.queries) {
    await box.fill(q.query);
    await expect(page.locator('#search-results')).toHaveAttribute('data-state', writeState({ query: q.query, topics: [], code: false }));
    const hrefs = await page.locator('#search-results a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const ids = hrefs.map(idOf);
    const rank = ids.findIndex((id) => q.expect.includes(id)) + 1;
    rows.push({ kind: q.kind, query: q.query, rank, first: ids[0] ?? '(none)' });
  }
  const score = (rs: typeof rows) => ({
    n: rs.length,
    successAt1: mean(rs.map((r) => (r.rank === 1 ? 1 : 0))),
    mrr: mean(rs.map((r) => (r.rank > 0 ? 1 / r.rank : 0))),
  });
  const overall = score(rows);
  const byKind = Object.fromEntries([...new Set(rows.map((r) => r.kind))].map((k) => [k, score(rows.filter((r) => r.kind === k))]));
  const misses = rows.filter((r) => r.rank !== 1).map((r) => `  “${r.query}”: expected at ${r.rank || 'none'}, first ${r.first}`);
  const report = [
    `relevance: ${overall.n} queries, success@1 ${overall.successAt1.toFixed(3)}, MRR ${overall.mrr.toFixed(3)}`,
    ...Object.entries(byKind).map(([k, s]) => `  ${k}: ${s.n} queries, success@1 ${s.successAt1.toFixed(3)}, MRR ${s.mrr.toFixed(3)}`),
    ...misses,
  ].join('\n');
  console.log(report);
  await testInfo.attach('relevance', { body: report, contentType: 'text/plain' });
  expect(overall.successAt1, report).toBeGreaterThanOrEqual(MIN_SUCCESS_AT_1);
  expect(overall.mrr, report).toBeGreaterThanOrEqual(MIN_MRR);
});
