import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { CASES } from '../fixtures/hostile/corpus.ts';
import { BUILDS, canaryFile, CORPUS_PAGES } from './builds.ts';

const pages = JSON.parse(readFileSync(CORPUS_PAGES, 'utf8')) as Record<string, string[]>;
const flat = (s: string | null): string => (s ?? '').replace(/\s+/gu, ' ').trim();

for (const c of CASES) {
  if (c.expect.outcome !== 'build') continue;
  const expected = c.expect.papers;
  test(`${c.file} builds into pages showing its exact text: ${c.about}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const ids = pages[c.file] ?? [];
    expect(ids).toHaveLength(expected.length);
    for (const [i, id] of ids.entries()) {
      const response = await page.goto(`papers/${id}/`);
      expect(response?.status()).toBe(200);
      expect(flat(await page.locator('h1').textContent())).toBe(flat(expected[i]?.title ?? null));
      expect(flat(await page.locator('.abstract').textContent())).toBe(flat(expected[i]?.abstract ?? null));
    }
    expect(dialogs).toEqual([]);
  });
}

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
