import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { BUILDS, canaryFile } from './builds.ts';
import { expectExportsRead, unsafeUrls } from './exports.ts';

const flat = (s: string): string => s.replace(/\s+/gu, ' ').trim();

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

test.describe('hostile entries', () => {
  HOSTILE_STRINGS.forEach((s, i) => {
    const id = `hostile-${String(i + 1).padStart(2, '0')}`;
    test(`${id} renders ${JSON.stringify(s.slice(0, 40))} as literal text and runs nothing`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const response = await page.goto(`papers/${id}/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(flat(s), { useInnerText: false });
      expect(flat((await page.locator('.abstract').textContent()) ?? '')).toBe(flat(s));
      // Nothing from the text became markup: one paragraph of text, plus links for the http(s)
      // URLs the ingest found, each showing exactly its own address.
      const markup = await page
        .locator('.abstract *:not(p)')
        .evaluateAll((els) =>
          els.map((e) =>
            e.localName === 'a' && e.getAttribute('href') === e.textContent && /^https?:\/\//u.test(e.textContent) ? 'url' : e.outerHTML,
          ),
        );
      expect(markup.filter((m) => m !== 'url')).toEqual([]);
      expect(dialogs).toEqual([]);
    });
  });
});

test('the canary secret set during the hostile build appears nowhere in its output', () => {
  const canary = readFileSync(canaryFile('hostile'), 'utf8').trim();
  expect(canary).toMatch(/^canary-/u);
  const leaks = [...files(BUILDS.hostile.outDir)].filter((f) => readFileSync(f).includes(canary));
  expect(leaks).toEqual([]);
});

test('every export of the hostile build parses in a real parser and holds every paper', () => {
  expectExportsRead(BUILDS.hostile.outDir);
});

test('no javascript:, data: or off-site image URL reaches the hostile build', () => {
  expect(unsafeUrls(BUILDS.hostile.outDir)).toEqual([]);
});
