import { expect, test, type Page } from './fixtures.ts';
import { writeState } from '../../src/lib/search-state.ts';
import { contentPapers, contentTopics } from './content.ts';

const papers = contentPapers();
const topics = contentTopics();
const idOf = (href: string | null): string => (href ?? '').replace(/^.*\/papers\/([^/]+)\/$/u, '$1');

/** Types a query on the search page and waits for its results. */
async function searchFor(page: Page, query: string): Promise<string[]> {
  const box = page.getByRole('searchbox', { name: 'Search papers' }).last();
  await box.fill(query);
  await expect(page.locator('#search-results')).toHaveAttribute('data-state', writeState({ query, topics: [], code: false }));
  return page.locator('#search-results a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

async function openSearch(page: Page, query = ''): Promise<void> {
  await page.goto(`search/${query}`);
  await expect(page.locator('form[data-search-form][data-ready]')).toBeAttached();
}

const chunks = 6;
for (let c = 0; c < chunks; c++) {
  const slice = papers.filter((_, i) => i % chunks === c);
  test(`searching the exact title finds the paper first (${c + 1}/${chunks}: ${slice.length} papers)`, async ({ page }) => {
    test.setTimeout(240_000);
    await openSearch(page);
    for (const paper of slice) {
      const hrefs = await searchFor(page, paper.titleText);
      expect(idOf(hrefs[0] ?? null), paper.titleText).toBe(paper.id);
    }
  });
}

const DISTINCTIVE: Record<string, string> = {
  GPipe: 'gpipe-efficient-training-of-giant-neural-networks-using-pipeline-parallelism',
  'ZeRO-Infinity': 'zero-infinity-breaking-the-gpu-memory-wall-for-extreme-scale-deep-learning',
  PassUntil: 'unlock-predictable-scaling-from-emergent-abilities',
  AdaLog: 'adalog-post-training-quantization-for-vision-transformers-with-adaptive',
  muP: 'scaling-diffusion-transformers-efficiently-via-mup',
};

test('distinctive terms find their paper first, with the term highlighted', async ({ page }) => {
  await openSearch(page);
  for (const [term, id] of Object.entries(DISTINCTIVE)) {
    const hrefs = await searchFor(page, term);
    expect(idOf(hrefs[0] ?? null), term).toBe(id);
  }
  await searchFor(page, 'GPipe');
  await expect(page.locator('#search-results li').first().locator('h2 mark')).toHaveText('GPipe');
  await expect(page.locator('#search-results li').first().locator('p mark').first()).toHaveText(/GPipe/iu);
});

test('an ASCII spelling finds every paper that the Greek spelling finds, in titles and abstracts', async ({ page }) => {
  await openSearch(page);
  const greek = await searchFor(page, 'μP');
  expect(greek.length).toBeGreaterThan(1);
  expect((await searchFor(page, 'muP')).sort()).toEqual([...greek].sort());
  // Pagefind stems "DepS" to "dep", which also starts depth and deployment; as the paper's short name it still comes first.
  expect(idOf((await searchFor(page, 'DepS'))[0] ?? null)).toBe('deps-delayed-e-shrinking-for-faster-once-for-all-training');
});

test('British and American spellings find the same papers, and the word is highlighted either way', async ({ page }) => {
  await openSearch(page);
  const american = await searchFor(page, 'quantization');
  expect(american.length).toBeGreaterThan(1);
  expect((await searchFor(page, 'quantisation')).sort()).toEqual([...american].sort());
  await expect(page.locator('#search-results li').first().locator('h2 mark').first()).toHaveText(/^quantization$/iu);
  // The excerpt opens where the abstract says it, in its own spelling.
  await expect(page.locator('#search-results li').first().locator('p mark').first()).toHaveText(/^quantiz/iu);
  // The seed holds both: one abstract says "Generalised", the others "generalized" or "generalization".
  const general = papers.filter((p) => /generali[sz]/iu.test(`${p.titleText} ${p.abstract}`));
  expect(general.length).toBeGreaterThan(10);
  await searchFor(page, 'generalised');
  await expect(page.locator('#search-status')).toHaveText(new RegExp(`^${general.length} papers found`, 'u'));
});

test('an abbreviation finds the paper that spells it out, and the spelled-out form the paper that abbreviates', async ({ page }) => {
  await openSearch(page);
  // Poseidon's title and abstract say only "PDEs".
  expect(idOf((await searchFor(page, 'partial differential equations'))[0] ?? null)).toBe('poseidon-efficient-foundation-models-for-pdes');
  await expect(page.locator('#search-results li').first().locator('h2 mark')).toHaveText(['PDEs']);
  // "One is All" says only "Neural Radiance Fields".
  expect((await searchFor(page, 'NeRF')).map(idOf)).toContain(
    'one-is-all-bridging-the-gap-between-neural-radiance-fields-architectures-with',
  );
});

test('when no paper holds every word, the papers holding most are shown, with the words left out and a link to search them all', async ({
  page,
}) => {
  await openSearch(page);
  expect(idOf((await searchFor(page, 'GPipe pipeline quantization'))[0] ?? null)).toBe(
    'gpipe-efficient-training-of-giant-neural-networks-using-pipeline-parallelism',
  );
  await expect(page.locator('#search-partial')).toBeVisible();
  await expect(page.locator('#search-partial [data-missing]')).toHaveText('quantization');
  await page.locator('#search-partial [data-all]').click();
  await expect(page).toHaveURL(/[?&]all=1/u);
  await expect(page.locator('#search-status')).toHaveText(/^No papers found/u);
  await expect(page.locator('#search-partial')).toBeHidden();
});

test('a query that names a topic shows the topic above the papers', async ({ page }) => {
  await openSearch(page, '?q=quantization');
  await expect(page.locator('#topic-results')).toBeVisible();
  await expect(page.locator('#topic-results a').first()).toHaveAttribute('href', /\/topics\/quantization\/$/u);
});

test('a topic is found by its abbreviation, or inside a longer query, but not by a stop word', async ({ page }) => {
  await openSearch(page);
  const topicLinks = page.locator('#topic-results a');
  await searchFor(page, 'moe');
  await expect(topicLinks.first()).toHaveAttribute('href', /\/topics\/mixture-of-experts\/$/u);
  await searchFor(page, 'ViT');
  await expect(topicLinks.first()).toHaveAttribute('href', /\/topics\/vision-transformers\/$/u);
  await searchFor(page, 'scaling laws for language models');
  await expect(topicLinks.first()).toHaveAttribute('href', /\/topics\/scaling-laws\/$/u);
  await searchFor(page, 'of');
  await expect(page.locator('#topic-results')).toBeHidden();
});

test('each result shows its title, an excerpt and its topic chips; the count is shown', async ({ page }) => {
  await openSearch(page, '?q=pruning');
  const first = page.locator('#search-results li').first();
  await expect(first.locator('h2 a')).toBeVisible();
  await expect(first.locator('[data-excerpt]')).toContainText(/prun/iu);
  await expect(first.getByRole('list', { name: 'Topics' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.locator('#search-status')).toHaveText(/^\d+ papers found for “pruning”\.$/u);
});

test('a word nearly every paper holds is not searched for, so it costs no download, but it is highlighted', async ({ page }) => {
  // "model(s)" is in more than 80% of the abstracts: Pagefind searches "diffusion" alone.
  await openSearch(page);
  const diffusion = await searchFor(page, 'diffusion');
  expect(diffusion.length).toBeGreaterThan(1);
  expect(await searchFor(page, 'diffusion models')).toEqual(diffusion);
  const marks = await page
    .locator('#search-results > li')
    .evaluateAll((items) => items.map((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent?.toLowerCase())));
  expect(marks.filter((m) => m.some((w) => w?.startsWith('diffusion')) && m.some((w) => w?.startsWith('model'))).length).toBeGreaterThan(1);
});

for (const query of ['GPipe', 'pruning']) {
  test(`the excerpts for “${query}” go on from each title instead of repeating it`, async ({ page }) => {
    await openSearch(page, `?q=${query}`);
    const results = page.locator('#search-results > li');
    await expect(results.first()).toBeVisible();
    for (const result of await results.all()) {
      const title = (await result.locator('h2 a').textContent()) ?? '';
      const excerpt = (await result.locator('[data-excerpt]').textContent()) ?? '';
      expect(excerpt.length, title).toBeGreaterThan(40);
      expect(excerpt.startsWith(title), `“${excerpt}” repeats “${title}”`).toBe(false);
    }
  });
}

for (const topic of topics) {
  test(`the ${topic.id} filter returns exactly the papers of its topic page`, async ({ page }) => {
    const expected = papers.filter((p) => p.topics.includes(topic.id)).map((p) => p.id);
    await openSearch(page, `?topic=${topic.id}`);
    await expect(page.locator('#search-status')).toHaveText(
      `${expected.length} ${expected.length === 1 ? 'paper' : 'papers'} found in ${topic.name}.`,
    );
    const links = page.locator('#search-results a[data-result]');
    while ((await links.count()) < expected.length) {
      const shown = await links.count();
      await page.locator('#search-more').click();
      await expect.poll(() => links.count()).toBeGreaterThan(shown);
    }
    await expect(page.locator('#search-more')).toBeHidden();
    const ids = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(idOf);
    expect(ids.sort()).toEqual([...expected].sort());
    await expect(page.locator(`input[name="topic"][value="${topic.id}"]`)).toBeChecked();
    await expect(page.locator(`[data-count-for="topic:${topic.id}"]`)).toHaveText(String(expected.length));
  });
}

test('the has-code filter keeps papers with a repository, and shows its count', async ({ page }) => {
  const withCode = papers.filter((p) => p.links.some((l) => l.kind === 'code'));
  await openSearch(page, '?code=1');
  await expect(page.locator('#search-status')).toHaveText(`${withCode.length} papers found with code.`);
  await expect(page.locator('[data-count-for="code:yes"]')).toHaveText(String(withCode.length));
});

/** The count each filter shows, and the number of papers found once that filter is added. */
async function countsAgainstResults(
  page: Page,
  query: string,
  topic?: string,
): Promise<{ filter: string; shown: number; found: number }[]> {
  const topics = topic ? [topic] : [];
  await openSearch(page, writeState({ query, topics, code: false }));
  await expect(page.locator('#search-results')).toHaveAttribute('data-state', writeState({ query, topics, code: false }));
  const counts = await page
    .locator('[data-count-for]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-count-for') ?? '', Number(e.textContent)] as const));
  // The has-code filter, the first topics that can add something, and one that says none.
  const some = counts.filter(([f, n]) => n > 0 && f.startsWith('topic:')).slice(0, 4);
  const checked = [...counts.filter(([f]) => f === 'code:yes'), ...some, ...counts.filter(([, n]) => n === 0).slice(0, 1)];
  const out = [];
  for (const [filter, shown] of checked) {
    const [name = '', value = ''] = filter.split(':');
    if (name === 'topic' && value === topic) continue;
    const state = { query, topics: name === 'topic' ? [...topics, value] : topics, code: name === 'code' };
    await page.goto(`search/${writeState(state)}`);
    await expect(page.locator('#search-results'), filter).toHaveAttribute('data-state', writeState(state), { timeout: 15_000 });
    const status = (await page.locator('#search-status').textContent()) ?? '';
    out.push({ filter, shown, found: /^No papers/u.test(status) ? 0 : Number(/^(\d+)/u.exec(status)?.[1]) });
  }
  return out;
}

test('each filter’s count is the number of papers its tick finds, for a query and with a filter set', async ({ page }) => {
  test.setTimeout(480_000);
  for (const [query, topic] of [
    ['scaling', undefined],
    ['scaling', 'scaling-laws'],
    ['diffusion', undefined],
  ] as const) {
    const rows = await countsAgainstResults(page, query, topic);
    expect(rows.filter((r) => r.shown > 0).length, `${query}: some filter has papers`).toBeGreaterThan(0);
    for (const r of rows) expect(r.shown, `${query}${topic ? ` in ${topic}` : ''}: ${r.filter}`).toBe(r.found);
  }
});

test('typing updates the URL, and the URL restores the same results in a new page', async ({ page, context }) => {
  await openSearch(page);
  await searchFor(page, 'scaling');
  await page.getByText('Filter by topic or code').click();
  await page.getByRole('checkbox', { name: /^Scaling laws/u }).check();
  await expect(page.locator('[data-filter-count]')).toHaveText('(1 selected)');
  await expect(page).toHaveURL(/\?q=scaling&topic=scaling-laws$/u);
  await expect(page.locator('#search-results')).toHaveAttribute('data-state', '?q=scaling&topic=scaling-laws');
  const before = await page.locator('#search-results a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(before.length).toBeGreaterThan(3);

  const colleague = await context.newPage();
  await colleague.goto(page.url());
  await expect(colleague.locator('#search-results')).toHaveAttribute('data-state', '?q=scaling&topic=scaling-laws');
  await expect(colleague.getByRole('searchbox', { name: 'Search papers' }).last()).toHaveValue('scaling');
  await expect(colleague.getByRole('checkbox', { name: /^Scaling laws/u })).toBeChecked();
  await expect(colleague.locator('#search-results a[data-result]')).toHaveCount(before.length);
  expect(await colleague.locator('#search-results a[data-result]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
    before,
  );
  await colleague.close();
});

test('empty and no-result states are clear, and no results suggests topics', async ({ page }) => {
  await openSearch(page);
  await expect(page.locator('#search-empty')).toBeVisible();
  await expect(page.locator('#search-empty')).toBeInViewport();
  await searchFor(page, 'zqzqzqzq');
  await expect(page.locator('#search-status')).toHaveText('No papers found for “zqzqzqzq”.');
  await expect(page.locator('#search-none')).toBeVisible();
  await expect(page.locator('#search-none a').first()).toHaveAttribute('href', /\/topics\//u);
  await expect(page.locator('#search-none a').first()).toBeInViewport();
});

test('on a phone, a shared link with filters shows the results first and names the filters', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openSearch(page, '?q=vision+transformer&topic=quantization');
  await expect(page.locator('#search-status')).toHaveText(/papers? found for “vision transformer” in Quantization\.$/u);
  await expect(page.locator('#search-results li').first()).toBeInViewport();
  await expect(page.locator('#search-filters')).not.toHaveAttribute('open');
});

test('a link naming a topic by its name applies it; one naming no topic is dropped from the URL', async ({ page }) => {
  await openSearch(page, '?q=scaling&topic=Scaling%20laws&topic=bogus');
  await expect(page.locator('input[name="topic"][value="scaling-laws"]')).toBeChecked();
  await expect(page.locator('[data-filter-count]')).toHaveText('(1 selected)');
  await expect(page).toHaveURL(/\/search\/\?q=scaling&topic=scaling-laws$/u);
  await expect(page.locator('#search-status')).toHaveText(/found for “scaling” in Scaling laws\.$/u);
});

/** Holds back the page's requests for `pattern` until `release()`; `held()` counts them. */
async function holdRequests(page: Page, pattern: string): Promise<{ release: () => void; held: () => number }> {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let count = 0;
  await page.route(pattern, async (route) => {
    count++;
    await gate;
    await route.continue();
  });
  return { release, held: () => count };
}

test('results of an earlier search never join a newer one while they load', async ({ page }) => {
  await openSearch(page, '?q=model');
  await expect(page.locator('#search-more')).toBeVisible();
  // Hold back the next batch of results until a newer search (with no results) is on the screen.
  const fragments = await holdRequests(page, '**/pagefind/fragment/**');
  let delivered = 0;
  page.on('requestfinished', (r) => {
    if (r.url().includes('/pagefind/fragment/')) delivered++;
  });
  await page.locator('#search-more').click();
  await expect.poll(fragments.held).toBeGreaterThan(0);
  await searchFor(page, 'zqzqzqzq');
  fragments.release();
  await expect.poll(() => delivered).toBe(fragments.held());
  await page.waitForTimeout(300);
  await expect(page.locator('#search-results li')).toHaveCount(0);
  await expect(page.locator('#search-status')).toHaveText('No papers found for “zqzqzqzq”.');
});

test('while a new search loads, the old results offer no "Show more"', async ({ page }) => {
  await openSearch(page, '?q=model');
  await expect(page.locator('#search-more')).toBeVisible();
  const index = await holdRequests(page, '**/pagefind/index/**');
  await page.getByRole('searchbox', { name: 'Search papers' }).last().fill('zqzqzqzq');
  await expect.poll(index.held).toBeGreaterThan(0);
  await expect(page.locator('#search-more')).toBeHidden();
  index.release();
  await expect(page.locator('#search-status')).toHaveText('No papers found for “zqzqzqzq”.');
  await expect(page.locator('#search-results li')).toHaveCount(0);
});

test('when the index cannot be downloaded, the page says so and offers to try again', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.abort());
  await page.goto('search/?q=scaling');
  await expect(page.locator('#search-failed')).toBeVisible();
  await expect(page.locator('#search-unavailable')).toBeHidden();
  await expect(page.locator('#search-failed a[data-retry]')).toHaveAttribute('href', /\/search\/\?q=scaling$/u);
});

test('/ focuses the search box from anywhere, but not while typing in a field', async ({ page }) => {
  await page.goto('papers/explaining-neural-scaling-laws/');
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('GPipe');
  await expect(page.locator('#site-search')).toHaveValue('GPipe');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=GPipe$/u);
  await expect(page.locator('#search-results a[data-result]').first()).toHaveAttribute('href', /gpipe/u);
  // On the search page, / goes to the page's own box; typed inside a field it is just a character.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  await expect(page.locator('#search-query')).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(page.locator('#search-query')).toHaveValue('a/b');
});

test('on the search page the arrow keys move through results, Enter opens one, Escape clears', async ({ page }) => {
  await openSearch(page, '?q=diffusion');
  await page.locator('#search-query').focus();
  const links = page.locator('#topic-results a[data-result], #search-results a[data-result]');
  await expect(links.nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#search-query')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#search-query')).toHaveValue('');
  await expect(page.locator('#search-empty')).toBeVisible();
  await expect(page).toHaveURL(/\/search\/$/u);
  await page.locator('#search-query').fill('GPipe');
  await expect(links.first()).toHaveAttribute('href', /gpipe/u);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/papers\/gpipe-efficient-training/u);
});

test('Pagefind loads only when a search box gets focus, never on a plain page load', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) fetched.push(r.url());
  });
  await page.goto('papers/explaining-neural-scaling-laws/');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  await page.locator('#site-search').focus();
  await expect.poll(() => fetched.some((u) => u.endsWith('pagefind.js'))).toBe(true);
  await expect.poll(() => fetched.some((u) => u.endsWith('.pagefind') || u.includes('wasm'))).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header form still goes to the search page, which says search needs JavaScript', async ({ page }) => {
    await page.goto('topics/');
    await page.locator('#site-search').fill('GPipe');
    await page.locator('#site-search').press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=GPipe$/u);
    await expect(page.locator('#search-nojs')).toBeVisible();
    await expect(page.locator('#search-nojs')).toContainText('Search needs JavaScript');
  });
});
