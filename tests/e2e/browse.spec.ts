import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { contentPapers, contentTopics, newestFirst } from './content.ts';

const papers = contentPapers();
const topics = contentTopics();

test('a reader walks from home to a topic, a paper, a related paper, and back', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Hyperparameter transfer (μP)' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hyperparameter transfer (μP)');
  const topicUrl = page.url();

  await page.getByRole('link', { name: 'Scaling Diffusion Transformers Efficiently via μP' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scaling Diffusion Transformers Efficiently via μP');
  const paperUrl = page.url();

  const related = page.getByRole('region', { name: 'Related papers' }).getByRole('link').first();
  const relatedTitle = (await related.textContent())?.trim() ?? '';
  expect(relatedTitle).not.toBe('');
  await related.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(relatedTitle);

  await page.goBack();
  expect(page.url()).toBe(paperUrl);
  await page.goBack();
  expect(page.url()).toBe(topicUrl);
});

test('the home page shows the counts and every topic with its paper count, in one compact row', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('[data-stat="papers"]')).toHaveText(String(papers.length));
  await expect(page.locator('[data-stat="topics"]')).toHaveText(String(topics.length));
  await expect(page.locator('[data-stat="code"]')).toHaveText(String(papers.filter((p) => p.links.some((l) => l.kind === 'code')).length));
  const row = page.getByRole('list', { name: 'Topics, largest first' });
  for (const topic of topics) {
    const count = papers.filter((p) => p.topics.includes(topic.id)).length;
    await expect(row.getByRole('link', { name: `${topic.name} ${count}`, exact: true })).toHaveAttribute(
      'href',
      new RegExp(`/topics/${topic.id}/$`, 'u'),
    );
  }
});

for (const topic of topics) {
  test(`topic ${topic.id} lists exactly the papers tagged with it, newest first`, async ({ page }) => {
    const expected = newestFirst(papers.filter((p) => p.topics.includes(topic.id))).map((p) => p.id);
    const seen: string[] = [];
    let next: string | null = `topics/${topic.id}/`;
    while (next) {
      await page.goto(next);
      await expect(page.locator('[data-topic-count]')).toHaveAttribute('data-topic-count', String(expected.length));
      const list = page.getByRole('region', { name: 'Papers', exact: true });
      const hrefs = await list.locator('article h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      seen.push(...hrefs.map((h) => h.replace(/^.*\/papers\/([^/]+)\/$/u, '$1')));
      next = await page
        .locator('a[rel="next"]')
        .first()
        .getAttribute('href', { timeout: 1000 })
        .catch(() => null);
    }
    expect(seen).toEqual(expected);
  });
}

test('the topics index lists every topic, largest first', async ({ page }) => {
  await page.goto('topics/');
  const names = await page.locator('main li h2').allTextContents();
  const expected = [...topics]
    .map((t) => ({ ...t, count: papers.filter((p) => p.topics.includes(t.id)).length }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
    .map((t) => t.name);
  expect(names.map((n) => n.trim())).toEqual(expected);
});

// One test per order: each pages through the whole index (five pages of 50).
for (const [order, start, expected] of [
  ['newest first', 'papers/', newestFirst(papers).map((p) => p.id)],
  ['in listing order', 'papers/listing/', papers.map((p) => p.id)],
  [
    'A–Z',
    'papers/a-z/',
    [...papers].sort((a, b) => a.titleText.localeCompare(b.titleText, 'en', { sensitivity: 'base', numeric: true })).map((p) => p.id),
  ],
] as const) {
  test(`the papers index pages through every paper, ${order}`, async ({ page }) => {
    // Five pages, each loaded whole: more than the default 30 s on a busy machine.
    test.setTimeout(180_000);
    const seen: string[] = [];
    let next: string | null = start;
    while (next) {
      await page.goto(next);
      const hrefs = await page.locator('main article h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeLessThanOrEqual(50);
      seen.push(...hrefs.map((h) => h.replace(/^.*\/papers\/([^/]+)\/$/u, '$1')));
      // The last page has no rel=next: its absence is read at once, not waited for.
      next = await page.locator('head link[rel="next"]').evaluateAll((links) => links[0]?.getAttribute('href') ?? null);
    }
    expect(seen).toEqual(expected);
  });
}

test('a paper page has its links, searches, citation, neighbours and a problem report link', async ({ page }) => {
  const paper = papers.find((p) => p.id === 'gpipe-efficient-training-of-giant-neural-networks-using-pipeline-parallelism');
  if (!paper) throw new Error('seed paper missing');
  await page.goto(`papers/${paper.id}/`);
  for (const service of ['arXiv', 'Semantic Scholar', 'Google Scholar', 'Hugging Face']) {
    const href = await page.getByRole('region', { name: 'Find this paper' }).getByRole('link', { name: service }).getAttribute('href');
    expect(decodeURIComponent(href ?? '').replace(/\+/gu, ' ')).toContain(paper.titleText);
  }
  await expect(page.locator('#bibtex')).toContainText(`@misc{${paper.id},`);
  await expect(page.locator('#bibtex')).toContainText(`title = {{${paper.title}}}`);
  await expect(page.locator('#bibtex')).not.toContainText('year');
  const report = new URL((await page.getByRole('link', { name: 'Report a problem with this entry' }).getAttribute('href')) ?? '');
  expect(report.pathname.endsWith('/issues/new')).toBe(true);
  expect(report.searchParams.get('body')).toContain(paper.id);
  const index = papers.indexOf(paper);
  await expect(page.locator('nav[aria-label="Previous and next paper"] a[rel="prev"]')).toHaveAttribute(
    'href',
    new RegExp(`/papers/${papers[index - 1]?.id}/$`, 'u'),
  );
  await expect(page.locator('nav[aria-label="Previous and next paper"] a[rel="next"]')).toHaveAttribute(
    'href',
    new RegExp(`/papers/${papers[index + 1]?.id}/$`, 'u'),
  );
});

test('the copy buttons copy the BibTeX entry and the topic link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('papers/explaining-neural-scaling-laws/');
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('@misc{explaining-neural-scaling-laws,');
  await page.goto('topics/video/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^https?:\/\/[^/]+\/topics\/video\/$/u);
});

test('the theme toggle overrides the system theme, persists, and does not flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await page.getByRole('button', { name: /Theme:/u }).click();
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
  const dark = await background();
  expect(dark).not.toBe(light);
  // The stored choice is applied by a blocking (classic, not async or deferred) script in <head>,
  // so it runs before the first paint.
  await page.goto('topics/');
  await expect(page.locator('head script[src$="/theme.js"]:not([async]):not([defer]):not([type="module"])')).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  expect(await background()).toBe(dark);
  await page.getByRole('button', { name: 'Theme: Dark' }).click();
  await page.getByRole('button', { name: 'Theme: Light' }).click();
  await expect(page.getByRole('button', { name: 'Theme: System' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe(dark);
});

test('with a dark system theme, the first click of the toggle makes the page light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await background();
  await page.getByRole('button', { name: 'Theme: System' }).click();
  await expect(page.getByRole('button', { name: 'Theme: Light' })).toBeVisible();
  expect(await background()).not.toBe(dark);
});

test('a topic page announces its own feed first, and names its BibTeX download after the topic', async ({ page }) => {
  await page.goto('topics/video/');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute(
    'href',
    /\/topics\/video\/rss\.xml$/u,
  );
  // Announced under the title the feed itself carries.
  const feed = await (await page.request.get('topics/video/rss.xml')).text();
  const channelTitle = /<channel><title>([^<]*)<\/title>/u.exec(feed)?.[1] ?? 'no channel title';
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute('title', channelTitle);
  await expect(page.getByRole('link', { name: 'BibTeX of all papers' })).toHaveAttribute('download', 'video.bib');
});

/** The curated overviews in content/topics/*.mdx: the ids they cite and their first paragraph, read from the files. */
const overviews = readdirSync('content/topics')
  .filter((f) => f.endsWith('.mdx'))
  .map((file) => {
    const body = readFileSync(`content/topics/${file}`, 'utf8').split(/^---$/mu)[2] ?? '';
    const cited = [...body.matchAll(/<Papers?\s[^>]*>/gu)].flatMap((tag) =>
      [...tag[0].matchAll(/'([a-z0-9-]+)'|"([a-z0-9-]+)"/gu)].map((m) => m[1] ?? m[2] ?? ''),
    );
    const first = (body.trim().split(/\n\s*\n/u)[0] ?? '').replace(/\s+/gu, ' ');
    return { id: file.replace(/\.mdx$/u, ''), cited, first };
  });

test('the five largest topics have curated overviews', () => {
  const largest = [...topics]
    .map((t) => ({ id: t.id, count: papers.filter((p) => p.topics.includes(t.id)).length }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 5)
    .map((t) => t.id);
  expect(overviews.map((o) => o.id)).toEqual(expect.arrayContaining(largest));
});

for (const overview of overviews) {
  test(`topic ${overview.id} opens with its overview, with a card for each paper it cites, and its feed describes it`, async ({ page }) => {
    expect(overview.cited.length).toBeGreaterThanOrEqual(2);
    await page.goto(`topics/${overview.id}/`);
    const region = page.getByRole('region', { name: 'Overview' });
    await expect(region).toBeVisible();
    await expect(region).toContainText(overview.first.slice(0, 60));
    const cards = region.locator('article h3 a');
    const hrefs = await cards.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.map((h) => h.replace(/^.*\/papers\/([^/]+)\/$/u, '$1'))).toEqual(overview.cited);
    for (const id of overview.cited) {
      const paper = papers.find((p) => p.id === id);
      await expect(region.locator(`article:has(a[href$="/papers/${id}/"]) h3`)).toHaveText(paper?.titleText ?? `no paper ${id}`);
    }
    // Before the list of papers, and only on the first page.
    const [overviewTop, listTop] = await Promise.all(
      [region, page.getByRole('region', { name: 'Papers', exact: true })].map(async (l) => (await l.boundingBox())?.y ?? -1),
    );
    expect(overviewTop).toBeLessThan(listTop ?? 0);
    const feed = await (await page.request.get(`topics/${overview.id}/rss.xml`)).text();
    const description = /<channel>.*?<description>([^<]*)<\/description>/su.exec(feed)?.[1] ?? feed.slice(0, 300);
    expect(description).toContain(overview.first.slice(0, 60));
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      'content',
      new RegExp(overview.first.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'u'),
    );
  });
}

test('a later page of a topic leaves the overview to the first', async ({ page }) => {
  const big = overviews.find((o) => papers.filter((p) => p.topics.includes(o.id)).length > 50);
  expect(big, 'a topic with an overview and more than one page').toBeDefined();
  await page.goto(`topics/${big?.id}/page/2/`);
  await expect(page.getByRole('region', { name: 'Papers', exact: true }).locator('article').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Overview' })).toHaveCount(0);
});
