import { expect, test } from '@playwright/test';

test('the catalogue works under a sub-path: home, a paper, and back', async ({ page }) => {
  const response = await page.goto('./');
  expect(response?.status()).toBe(200);
  await page.locator('main article h3 a').first().click();
  await expect(page).toHaveURL(/\/catalogue\/papers\/chain-of-model-learning-for-language-model\/$/u);
  await page.getByRole('link', { name: 'Paper Catalogue' }).click();
  await expect(page).toHaveURL(/\/catalogue\/$/u);
});
