import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures.ts';
import { BUILDS } from './builds.ts';
import { contentPapers, contentTopics } from './content.ts';
import { expectExportsRead, readPapersJson, unsafeUrls } from './exports.ts';

const papers = contentPapers();
const topics = contentTopics();
const dist = BUILDS.root.outDir;

/**
 * Parses XML in the browser and returns what an RSS reader would see: item titles are
 * entity-encoded HTML, read as a reader shows them.
 */
async function readFeed(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  const xml = await response.text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const channel = doc.querySelector('rss > channel');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      version: doc.documentElement.getAttribute('version'),
      title: channel?.querySelector(':scope > title')?.textContent ?? null,
      link: channel?.querySelector(':scope > link')?.textContent ?? null,
      description: channel?.querySelector(':scope > description')?.textContent ?? null,
      items: [...doc.querySelectorAll('item')].map((item) => ({
        title: new DOMParser().parseFromString(item.querySelector('title')?.textContent ?? '', 'text/html').body.textContent ?? '',
        link: item.querySelector('link')?.textContent ?? '',
        guid: item.querySelector('guid')?.textContent ?? '',
      })),
    };
  }, xml);
}

test('the site feed is valid RSS 2.0 with one item per paper', async ({ page }) => {
  await page.goto('./');
  const feed = await readFeed(page, 'rss.xml');
  expect(feed.error).toBeNull();
  expect(feed.version).toBe('2.0');
  expect(feed.title && feed.link && feed.description).toBeTruthy();
  expect(feed.items.map((i) => i.title)).toEqual(papers.map((p) => p.titleText));
  for (const item of feed.items) expect(item.link).toMatch(/^https?:\/\/.+\/papers\/[a-z0-9-]+\/$/u);
});

test('each topic feed is valid RSS 2.0 with one item per paper of the topic', async ({ page }) => {
  await page.goto('./');
  for (const topic of topics) {
    const feed = await readFeed(page, `topics/${topic.id}/rss.xml`);
    expect(feed.error, topic.id).toBeNull();
    expect(feed.version).toBe('2.0');
    expect(
      feed.items.map((i) => i.link.replace(/^.*\/papers\/([^/]+)\/$/u, '$1')),
      topic.id,
    ).toEqual(papers.filter((p) => p.topics.includes(topic.id)).map((p) => p.id));
  }
});

test('papers.json has one record per entry, matching it', async ({ request }) => {
  const response = await request.get('papers.json');
  expect(response.headers()['content-type']).toContain('application/json');
  const data = (await response.json()) as {
    count: number;
    papers: { id: string; title: string; abstract: string; topics: string[]; links: unknown[]; url: string }[];
  };
  expect(data.count).toBe(papers.length);
  expect(data.papers.map((p) => p.id)).toEqual(papers.map((p) => p.id));
  for (const [i, record] of data.papers.entries()) {
    const paper = papers[i];
    expect(record).toEqual({
      id: paper?.id,
      title: paper?.titleText,
      abstract: expect.any(String),
      topics: paper?.topics,
      links: paper?.links,
      url: expect.stringMatching(new RegExp(`/papers/${paper?.id}/$`, 'u')),
      // What the source gave, and nothing it did not.
      ...(paper?.authors.length ? { authors: paper.authors } : {}),
      ...(paper?.arxiv ? { arxiv: paper.arxiv } : {}),
      ...(paper?.published ? { published: paper.published } : {}),
      ...(paper?.appeared ? { date: paper.appeared } : {}),
    });
    expect(record.abstract.length).toBeGreaterThan(100);
    expect(record.abstract).not.toMatch(/\\[{}<$*_[\]]|&#x/u);
  }
});

test('every export parses in a real parser (BibTeX, RSS, JSON Schema) and holds every paper', () => {
  expectExportsRead(dist);
  expect(readPapersJson(dist).data.papers).toHaveLength(papers.length);
});

test('papers.json names its JSON Schema, which the site serves', async ({ request }) => {
  const data = (await (await request.get('papers.json')).json()) as { $schema: string };
  expect(data.$schema).toBe('https://papers.example.org/papers.schema.json');
  const response = await request.get('papers.schema.json');
  // A static host types the file by its extension.
  expect(response.headers()['content-type']).toContain('json');
  expect(await response.json()).toMatchObject({
    $id: data.$schema,
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
  });
});

test('no javascript:, data: or off-site image URL is in the build', () => {
  expect(unsafeUrls(dist)).toEqual([]);
});

test('robots.txt points to the sitemap, which lists every page', async ({ request }) => {
  const robots = await (await request.get('robots.txt')).text();
  const sitemap = /^Sitemap: (\S+)$/mu.exec(robots)?.[1] ?? '';
  expect(sitemap).toMatch(/\/sitemap-index\.xml$/u);
  const index = await (await request.get('sitemap-index.xml')).text();
  expect(index).toContain('sitemap-0.xml');
  const urls = (await (await request.get('sitemap-0.xml')).text()).match(/<loc>[^<]+<\/loc>/gu) ?? [];
  for (const paper of papers)
    expect(
      urls.some((u) => u.endsWith(`/papers/${paper.id}/</loc>`)),
      paper.id,
    ).toBe(true);
});

const PAGES = [
  { path: '', image: 'previews/site/index.png' },
  { path: 'papers/', image: 'previews/site/index.png' },
  { path: 'papers/a-z/', image: 'previews/site/index.png' },
  { path: 'topics/', image: 'previews/site/index.png' },
  ...topics.map((t) => ({ path: `topics/${t.id}/`, image: `previews/topic/${t.id}.png` })),
  ...papers.map((p) => ({ path: `papers/${p.id}/`, image: `previews/paper/${p.id}.png` })),
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const { path, image } of PAGES) {
  test(`/${path} has a description, a canonical URL and link-preview tags with its own 1200×630 image`, async ({ page }) => {
    await page.goto(path);
    const head = await page.evaluate(() => {
      const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? '';
      return {
        title: document.title,
        description: meta('meta[name="description"]'),
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
        ogTitle: meta('meta[property="og:title"]'),
        ogImage: meta('meta[property="og:image"]'),
        twitterCard: meta('meta[name="twitter:card"]'),
      };
    });
    expect(head.title).not.toBe('');
    expect(head.description.length).toBeGreaterThan(40);
    expect(head.canonical).toMatch(new RegExp(`^https?://[^/]+/${path.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'u'));
    expect(head.ogTitle).not.toBe('');
    expect(head.twitterCard).toBe('summary_large_image');
    expect(head.ogImage).toMatch(/^https?:\/\/.+\.png$/u);
    expect(new URL(head.ogImage).pathname).toBe(`/${image}`);
    expect(pngSize(join(dist, image))).toEqual({ width: 1200, height: 630 });
  });
}

test('no two pages share a title', async ({ page, request }) => {
  const html = await Promise.all(PAGES.map(async ({ path }) => (await request.get(path)).text()));
  // The browser's own parser reads each <title>, as a tab or a bookmark would show it.
  const titles = await page.evaluate((docs) => docs.map((d) => new DOMParser().parseFromString(d, 'text/html').title), html);
  const seen = new Map<string, string>();
  for (const [i, title] of titles.entries()) {
    const path = PAGES[i]?.path ?? '';
    expect(title, `/${path}`).not.toBe('');
    expect(seen.get(title), `/${path} repeats the title of /${seen.get(title)}`).toBeUndefined();
    seen.set(title, path);
  }
  expect(seen.size).toBe(PAGES.length);
});
