import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { expect, test } from './fixtures.ts';
import { CASES } from '../fixtures/hostile/corpus.ts';
import { BUILDS, canaryFile, CORPUS_PAGES } from './builds.ts';
import { expectExportsRead, readFeed, readPapersJson, unsafeUrls } from './exports.ts';

const pages = JSON.parse(readFileSync(CORPUS_PAGES, 'utf8')) as Record<string, string[]>;
const flat = (s: string | null | undefined): string => (s ?? '').replace(/\s+/gu, ' ').trim();
const records = new Map(readPapersJson(BUILDS.corpus.outDir).data.papers.map((p) => [p.id, p]));
const feedItems = new Map(readFeed(join(BUILDS.corpus.outDir, 'rss.xml')).items.map((i) => [i.link, i]));
/** A URL as a browser resolves it, to compare a link as typed with the link on a page. */
const resolved = (url: string): string => new URL(url).href;
/** The text a reader sees, with math as its readable text (x², as the page gives it beside the MathML). */
const shown = (locator: Locator): Promise<string> =>
  locator.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    for (const n of copy.querySelectorAll('math')) n.remove();
    return (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
  });

for (const c of CASES) {
  if (c.expect.outcome !== 'build') continue;
  const expected = c.expect.papers;
  test(`${c.file} builds into pages showing its exact text: ${c.about}`, async ({ page }) => {
    // Some cases are large on purpose (3 000 nested braces): their pages and exports take a while.
    test.setTimeout(180_000);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const ids = pages[c.file] ?? [];
    expect(ids).toHaveLength(expected.length);
    for (const [i, id] of ids.entries()) {
      const paper = expected[i];
      const response = await page.goto(`papers/${id}/`);
      expect(response?.status()).toBe(200);
      expect(await shown(page.locator('h1'))).toBe(flat(paper?.title));
      expect(await shown(page.locator('.abstract'))).toBe(flat(paper?.abstract));
      // The exports say what the page says: papers.json, the feed, and the BibTeX read back by a real parser.
      const record = records.get(id);
      expect([flat(record?.title), flat(record?.abstract)], 'papers.json').toEqual([flat(paper?.title), flat(paper?.abstract)]);
      const item = feedItems.get(record?.url ?? '');
      expect([flat(item?.title), flat(item?.description)], 'rss.xml').toEqual([flat(paper?.title), flat(paper?.abstract)]);
      const bib = parseBibtex((await page.locator('#bibtex').textContent()) ?? '', { english: false });
      expect(bib.errors, 'the BibTeX parses').toEqual([]);
      expect(flat(String(bib.entries[0]?.fields['title'])), 'the BibTeX title').toBe(flat(paper?.bibtex ?? paper?.title));
      // Each link of the abstract goes to a URL of links, exactly; links the case names are linked as typed.
      const hrefs = await page.locator('.abstract a[href^="http"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const links = (record?.links ?? []).map((l) => l.url);
      for (const href of hrefs) expect(links.map(resolved), 'the abstract links a URL of links').toContain(href);
      if (paper?.links) {
        expect(links, 'links').toEqual(paper.links);
        expect(hrefs, 'the links on the page').toEqual(paper.links.map(resolved));
      }
    }
    expect(dialogs).toEqual([]);
  });
}

test('every export of the corpus build parses in a real parser and holds every paper', () => {
  expectExportsRead(BUILDS.corpus.outDir);
});

test('no javascript:, data: or off-site image URL reaches the corpus build', () => {
  expect(unsafeUrls(BUILDS.corpus.outDir)).toEqual([]);
});

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

test('the canary secret set during the corpus build appears nowhere in its output', () => {
  const canary = readFileSync(canaryFile('corpus'), 'utf8').trim();
  expect([...files(BUILDS.corpus.outDir)].filter((f) => readFileSync(f).includes(canary))).toEqual([]);
});

test('the topics index says how many papers await a topic, and links each of them', async ({ page }) => {
  const untagged = Object.entries(pages).flatMap(([file, ids]) => (file === 'listings/124-no-topic.txt' ? ids : []));
  expect(untagged).toHaveLength(1);
  await page.goto('topics/');
  const section = page.locator('#awaiting-a-topic');
  await expect(section.getByRole('heading', { name: 'Awaiting a topic' })).toBeVisible();
  const links = await section.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const id of untagged) expect(links).toContain(`/papers/${id}/`);
  await expect(section.locator('[data-awaiting-count]')).toHaveAttribute('data-awaiting-count', String(links.length));
  await page.goto(`papers/${untagged[0] ?? ''}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cooking Pasta');
});

test('words that name Object.prototype properties build, and search finds them', async ({ page }) => {
  const ids = pages['listings/164-prototype-words.txt'] ?? [];
  expect(ids).toHaveLength(2);
  for (const query of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    await page.goto(`search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('#search-results')).toHaveAttribute('data-state', `?q=${encodeURIComponent(query).replace(/%20/gu, '+')}`);
    const found = await page.locator('#search-results a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(found, query).toEqual(expect.arrayContaining(ids.map((id) => `/papers/${id}/`)));
  }
});

test('math is found by the ways it is typed, and excerpts show text, never TeX source or decoded markup', async ({ page }) => {
  test.setTimeout(180_000);
  const ids = pages['listings/219-math-power-search.txt'] ?? [];
  expect(ids).toHaveLength(1);
  const search = async (query: string) => {
    await page.goto(`search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('#search-results')).toHaveAttribute('data-state', `?q=${encodeURIComponent(query).replace(/%20/gu, '+')}`);
    return page.locator('#search-results a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  };
  for (const query of ['2^128', '2^{128}', '2128', '2^128 codebooks']) expect((await search(query))[0], query).toBe(`/papers/${ids[0]}/`);
  expect((await search('Ra24'))[0]).toBe(`/papers/${ids[0]}/`);
  const first = page.locator('#search-results > li').first();
  const excerpt = (await first.locator('[data-excerpt]').textContent()) ?? '';
  expect(excerpt).toContain('Ra24');
  expect(excerpt).not.toMatch(/[\^{}\\]|x2x|<b>/u);
  expect(excerpt.startsWith('Ra24 x² codebooks'), excerpt).toBe(false);
  await expect(first.locator('p b')).toHaveCount(0);
});
