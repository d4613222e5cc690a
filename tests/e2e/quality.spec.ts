import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { checkLinks } from '../../scripts/check-links.ts';
import { BUILDS } from './builds.ts';

const PAGES = {
  home: './',
  'papers index': 'papers/',
  paper: 'papers/scaling-law-with-learning-rate-annealing/',
  'topics index': 'topics/',
  topic: 'topics/scaling-laws/',
  '404': 'no-such-page/',
};

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`axe finds no violations on the ${name} page in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('no page overflows horizontally at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [...Object.values(PAGES), 'papers/a-z/', 'papers/gigatok-scaling-visual-tokenizers-to-3-billion-parameters-for-autoregressive/']) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(320);
  }
});

test('the 404 page offers a search box and the topic list', async ({ page }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('searchbox', { name: 'Search papers' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Scaling laws' })).toBeVisible();
});

for (const name of ['root', 'sub'] as const) {
  test(`the ${name} build (${BUILDS[name].base}) has no broken internal links or anchors`, () => {
    const report = checkLinks(BUILDS[name].outDir, BUILDS[name].base);
    expect(report.pages).toBeGreaterThan(100);
    expect(report.references).toBeGreaterThan(1000);
    expect(report.broken).toEqual([]);
  });
}
