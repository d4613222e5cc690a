import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures.ts';
import { repair } from '../../scripts/ingest/repair.ts';
import { slugify } from '../../scripts/ingest/slug.ts';
import { parseHfApi } from '../../scripts/ingest/sources/hf-api.ts';
import { parseHfPage } from '../../scripts/ingest/sources/hf-page.ts';
import { joinTex, type Segment } from '../../src/lib/math.ts';
import { contentPapers, newestFirst } from './content.ts';

const listing = { papers: parseHfPage(readFileSync('content/sources/daily-papers-aug-5.txt', 'utf8')).records };
const days = readdirSync('content/sources')
  .filter((f) => f.startsWith('hf-daily-'))
  .sort()
  .map((f) => parseHfApi(readFileSync(`content/sources/${f}`, 'utf8'), f.slice('hf-daily-'.length, -'.json'.length)));

/**
 * Reads an element back into the `$…$` text format: visible text as it is, each formula as the
 * TeX source KaTeX records in its MathML annotation (the typeset glyphs are not plain text), and
 * nothing of what is hidden.
 */
async function readTexText(page: Page, selector: string): Promise<string> {
  const segments = await page.locator(selector).evaluate((root) => {
    const out: ({ kind: 'text'; value: string } | { kind: 'math'; tex: string })[] = [];
    const walk = (node: Node): void => {
      // Hidden text is for the search index (a formula's readable form), not for readers.
      if (node instanceof Element && node.hasAttribute('hidden')) return;
      if (node.nodeType === Node.TEXT_NODE) out.push({ kind: 'text', value: node.textContent ?? '' });
      else if (node instanceof Element && node.localName === 'math')
        out.push({ kind: 'math', tex: node.querySelector('annotation')?.textContent ?? '' });
      else node.childNodes.forEach(walk);
    };
    walk(root);
    return out;
  });
  const merged: Segment[] = [];
  for (const s of segments) {
    const prev = merged.at(-1);
    if (s.kind === 'text' && prev?.kind === 'text') prev.value += s.value;
    else merged.push(s);
  }
  return joinTex(merged.map((s) => (s.kind === 'text' ? { ...s, value: s.value.replace(/\s+/gu, ' ') } : s))).trim();
}

test.describe('paper pages', () => {
  for (const raw of listing.papers) {
    const title = repair(raw.title).text;
    const id = slugify(title);
    test(`#${raw.position} ${id} shows its title and the whole repaired abstract`, async ({ page }) => {
      const response = await page.goto(`papers/${id}/`);
      expect(response?.status()).toBe(200);
      expect(await readTexText(page, 'h1')).toBe(title);
      expect(await readTexText(page, '.abstract')).toBe(repair(raw.abstract).text);
    });
  }

  test('every paper of the Daily Papers API days shows its title, authors, arXiv id, dates and whole abstract', async ({ page }) => {
    test.setTimeout(600_000);
    const papers = days.flatMap((day) => day.records);
    expect(papers).toHaveLength(143);
    for (const raw of papers) {
      const title = repair(raw.title).text;
      const response = await page.goto(`papers/${slugify(title)}/`);
      expect(response?.status(), raw.where).toBe(200);
      expect(await readTexText(page, 'h1'), raw.where).toBe(title);
      expect(await readTexText(page, '.abstract'), raw.where).toBe(repair(raw.abstract).text);
      const authors = raw.metadata.authors ?? [];
      // Every author is in the page, the first six in view and the rest behind "+N more".
      await expect(page.locator('[data-authors]')).toHaveAttribute('data-authors', String(authors.length));
      const shown = await page.locator('[data-authors]').textContent();
      for (const name of authors) expect(shown, raw.where).toContain(name);
      await expect(page.getByRole('link', { name: raw.metadata.arxiv ?? '', exact: true })).toHaveAttribute(
        'href',
        `https://arxiv.org/abs/${raw.metadata.arxiv ?? ''}`,
      );
      if (raw.metadata.published) await expect(page.locator(`time[datetime="${raw.metadata.published}"]`)).toHaveCount(1);
    }
  });
});

test('the home page lists the 50 newest papers and pages on to the rest', async ({ page }) => {
  const newest = newestFirst(contentPapers());
  await page.goto('./');
  const links = page.locator('main article h3 a');
  await expect(links).toHaveCount(50);
  const ids = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')?.replace(/^.*\/papers\/([^/]+)\/$/u, '$1')));
  expect(ids).toEqual(newest.slice(0, 50).map((p) => p.id));
  await page.getByRole('navigation', { name: 'Pages of papers' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/\/papers\/page\/2\/$/u);
  await expect(page.locator('main article h2 a')).toHaveCount(50);
  await page.locator('main article h2 a').first().click();
  await expect(page).toHaveURL(new RegExp(`/papers/${newest[50]?.id ?? ''}/$`, 'u'));
});
