import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { parse } from 'parse5';
import { buildUrl, expect, test } from './fixtures.ts';
import { test as base } from '@playwright/test';
import { attr, checkLinks, htmlFiles, walk, type Node } from '../../scripts/check-links.ts';
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

for (const [name, path] of Object.entries(PAGES)) {
  test(`the ${name} page runs only the site's own few KB of JavaScript (under 12 KB)`, async ({ page, baseURL }) => {
    await page.goto(path, { waitUntil: 'networkidle' });
    // The scripts as the browser's own resource timing lists them (Playwright's response events can
    // arrive after the page is idle on a loaded machine, and a body read then fails the test).
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.m?js(?:[?#]|$)/u.test(e.name))
        .map((e) => ({ url: e.name, bytes: (e as PerformanceResourceTiming).decodedBodySize })),
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const { url } of scripts) expect(url.startsWith(`${baseURL ?? ''}`), url).toBe(true);
    // The theme script and toggle, the copy and Save buttons, and the search box (its shortcut and
    // its first results as one types), before any search: Pagefind loads only when a box is used.
    // (The budget for a paper page is 20 KB; this keeps every page well under it.)
    const bytes = scripts.reduce((sum, s) => sum + s.bytes, 0);
    expect(bytes, scripts.map((s) => `${s.url} ${s.bytes}`).join('\n')).toBeLessThanOrEqual(12 * 1024);
  });
}

test('no page overflows horizontally at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [
    ...Object.values(PAGES),
    'papers/a-z/',
    'papers/gigatok-scaling-visual-tokenizers-to-3-billion-parameters-for-autoregressive/',
  ]) {
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

test.describe('the built HTML', () => {
  const dist = BUILDS.root.outDir;
  const pages = htmlFiles(dist);
  const elements = (file: string): Node[] => {
    const out: Node[] = [];
    walk(parse(readFileSync(file, 'utf8')) as unknown as Node, (n) => {
      if (n.attrs) out.push(n);
    });
    return out;
  };

  test('passes html-validate (recommended rules) on every page, so no page has duplicate ids', async () => {
    const validator = new HtmlValidate((await import('../config/htmlvalidate.mjs')).default);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(file);
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(pages.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  test('has no on* event attributes, no javascript: URLs, and rel=noopener on every external link', () => {
    const problems: string[] = [];
    for (const file of pages) {
      for (const el of elements(file)) {
        for (const { name, value } of el.attrs ?? []) {
          if (/^on/iu.test(name)) problems.push(`${file}: <${el.nodeName} ${name}>`);
          if (/^\s*javascript:/iu.test(value)) problems.push(`${file}: <${el.nodeName} ${name}="${value}">`);
        }
        const href = attr(el, 'href') ?? '';
        if (el.nodeName === 'a' && /^https?:\/\//u.test(href) && !href.startsWith('https://papers.example.org/')) {
          if (!(attr(el, 'rel') ?? '').split(/\s+/u).includes('noopener'))
            problems.push(`${file}: <a href="${href}"> without rel="noopener"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('sets a Content Security Policy without unsafe-inline or unsafe-eval, and with no inline scripts', () => {
    for (const file of pages) {
      const all = elements(file);
      const csp = all.find((e) => e.nodeName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
      const policy = attr(csp ?? ({} as Node), 'content') ?? '';
      expect(policy, file).toMatch(/script-src 'self' 'wasm-unsafe-eval' /u);
      expect(policy, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'/u);
      expect(policy.replace("'wasm-unsafe-eval'", ''), file).not.toContain('unsafe');
      const inline = all.filter((e) => e.nodeName === 'script' && !attr(e, 'src') && attr(e, 'type') !== 'application/ld+json');
      expect(inline.length, `${file} has inline scripts`).toBe(0);
    }
  });
});

// Without the violation guard, since a violation is what this test causes.
base('the policy is enforced: an injected inline script is blocked and reported', async ({ page }) => {
  await page.goto(buildUrl('root'));
  const outcome = await page.evaluate(async () => {
    const reported = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective)),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
    return { directive: await reported, ran: (window as unknown as { __ran?: boolean }).__ran === true };
  });
  expect(outcome).toEqual({ directive: 'script-src-elem', ran: false });
});
