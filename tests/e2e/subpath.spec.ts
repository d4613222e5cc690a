import { expect, test } from './fixtures.ts';
import { contentPapers, newestFirst } from './content.ts';

const newest = newestFirst(contentPapers())[0]?.id ?? '';

test('the catalogue works under a sub-path: home, a paper, and back', async ({ page }) => {
  const response = await page.goto('./');
  expect(response?.status()).toBe(200);
  await page.locator('main article h3 a').first().click();
  await expect(page).toHaveURL(new RegExp(`/catalogue/papers/${newest}/$`, 'u'));
  await page.getByRole('link', { name: 'Paper Catalogue' }).click();
  await expect(page).toHaveURL(/\/catalogue\/$/u);
});

test('search works under the sub-path', async ({ page }) => {
  await page.goto('search/?q=GPipe');
  const first = page.locator('#search-results a[data-result]').first();
  await expect(first).toHaveAttribute('href', /^\/catalogue\/papers\/gpipe-/u);
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('GPipe');
});

test('feeds, papers.json, preview images and the sitemap carry the sub-path', async ({ request, page }) => {
  const feed = await (await request.get('rss.xml')).text();
  expect(feed).toMatch(/<link>https?:\/\/[^<]+\/catalogue\/papers\/[^<]+\/<\/link>/u);
  const json = (await (await request.get('papers.json')).json()) as { papers: { url: string }[] };
  expect(json.papers.every((p) => new URL(p.url).pathname.startsWith('/catalogue/papers/'))).toBe(true);
  await page.goto('topics/video/');
  const image = (await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '';
  expect(new URL(image).pathname).toBe('/catalogue/previews/topic/video.png');
  expect((await request.get(new URL(image).pathname)).status()).toBe(200);
  expect(await (await request.get('robots.txt')).text()).toMatch(/Sitemap: \S+\/catalogue\/sitemap-index\.xml/u);
});

test('citations, the header’s first results and the reading list carry the sub-path', async ({ page, request, baseURL }) => {
  await page.goto(`papers/${newest}/`);
  const files = page.getByRole('region', { name: /^Cite this/u });
  for (const name of ['BibTeX', 'RIS', 'CSL-JSON']) {
    const href = (await files.getByRole('link', { name, exact: true }).getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^/catalogue/papers/${newest}/citation\\.(?:bib|ris|json)$`, 'u'));
    expect((await request.get(href)).status()).toBe(200);
  }
  const box = page.getByRole('combobox', { name: 'Search papers' }).first();
  await box.fill('GPipe');
  await expect(page.getByRole('listbox', { name: 'First results' }).first().getByRole('option').first()).toContainText('GPipe');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/catalogue\/papers\/gpipe-[^/]+\/$/u);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Reading list' }).click();
  await expect(page).toHaveURL(/\/catalogue\/reading-list\/$/u);
  await expect(page.locator('#list-items [data-title]')).toContainText(['GPipe']);
  expect(await page.locator('#list-link').inputValue()).toMatch(new RegExp(`^${new URL('reading-list/', baseURL).href}\\?ids=gpipe-`, 'u'));
});
