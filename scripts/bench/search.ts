/**
 * Measures search in a real browser against a served build: the bytes one query fetches (cold, as
 * a first visitor) and the time from the last keystroke to the first results on the screen.
 */
import { chromium } from '@playwright/test';
import { launchOptions } from '../chromium.ts';

export interface QueryBytes {
  query: string;
  requests: number;
  /** Bytes of the response bodies as served. */
  bytes: number;
  /** The same, with the text assets (JS, JSON) gzip-compressed as a web host would send them. */
  gzipBytes: number;
  files: { url: string; bytes: number }[];
}

/**
 * What Pagefind fetches for `query` in a fresh browser context: opened as a shared link
 * (`/search/?q=…`), or, with `typeDelayMs`, typed into the search page one key at a time at that
 * pace, so every pause longer than the page's debounce also searches what was typed so far.
 */
export async function bytesForQuery(root: string, query: string, { typeDelayMs }: { typeDelayMs?: number } = {}): Promise<QueryBytes> {
  const { gzipSync } = await import('node:zlib');
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await (await browser.newContext()).newPage();
    const files: { url: string; bytes: number; gzip: number }[] = [];
    page.on('response', async (response) => {
      const url = response.url();
      if (!url.includes('/pagefind/')) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      const text = /\.(js|json)(\?|$)/u.test(url);
      files.push({
        url: url.replace(/^.*\/pagefind\//u, 'pagefind/'),
        bytes: body.length,
        gzip: text ? gzipSync(body).length : body.length,
      });
    });
    if (typeDelayMs === undefined) {
      await page.goto(`${root}search/?q=${encodeURIComponent(query)}`);
      await page.locator('#search-results[data-state]').waitFor({ state: 'attached' });
    } else {
      await page.goto(`${root}search/`);
      await page.locator('form[data-search-form][data-ready]').waitFor({ state: 'attached' });
      await page.locator('#search-query').pressSequentially(query, { delay: typeDelayMs });
      const done = `?${new URLSearchParams({ q: query }).toString()}`;
      await page.waitForFunction((state) => document.querySelector<HTMLElement>('#search-results')?.dataset['state'] === state, done);
    }
    await page.waitForLoadState('networkidle');
    return {
      query,
      requests: files.length,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      gzipBytes: files.reduce((s, f) => s + f.gzip, 0),
      files: files.map(({ url, bytes }) => ({ url, bytes })),
    };
  } finally {
    await browser.close();
  }
}

export interface Latency {
  query: string;
  /** Milliseconds from the last keystroke to the first result on screen. */
  ms: number;
  first: boolean;
}

/**
 * Types each query on the search page (one keystroke at a time) and measures, in the page, the
 * time from the last keystroke to the first result in the list. The first query of a page also
 * loads the index chunks it needs; later ones may reuse them.
 */
export async function keystrokeToResults(root: string, queries: string[]): Promise<Latency[]> {
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${root}search/`);
    await page.locator('form[data-search-form][data-ready]').waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const w = window as unknown as { __lastKey: number; __firstResult: number };
      w.__lastKey = 0;
      w.__firstResult = 0;
      document.querySelector('#search-query')?.addEventListener('input', () => {
        w.__lastKey = performance.now();
        w.__firstResult = 0;
      });
      const list = document.querySelector('#search-results');
      if (list) {
        new MutationObserver(() => {
          if (!w.__firstResult && w.__lastKey && list.children.length > 0) w.__firstResult = performance.now();
        }).observe(list, { childList: true });
      }
    });
    const out: Latency[] = [];
    for (const [i, query] of queries.entries()) {
      await page.locator('#search-query').fill('');
      await page.locator('#search-results[data-state=""]').waitFor({ state: 'attached' });
      await page.evaluate(() => {
        const w = window as unknown as { __lastKey: number; __firstResult: number };
        w.__lastKey = 0;
        w.__firstResult = 0;
      });
      await page.locator('#search-query').pressSequentially(query, { delay: 40 });
      await page.waitForFunction(() => (window as unknown as { __firstResult: number }).__firstResult > 0);
      const ms = await page.evaluate(() => {
        const w = window as unknown as { __lastKey: number; __firstResult: number };
        return w.__firstResult - w.__lastKey;
      });
      out.push({ query, ms: Math.round(ms), first: i === 0 });
    }
    return out;
  } finally {
    await browser.close();
  }
}

export interface PageBytes {
  /** Bytes as served and with text assets gzip-compressed, by kind of file. */
  byKind: Map<string, { files: number; bytes: number; gzipBytes: number }>;
  bytes: number;
  gzipBytes: number;
}

/**
 * Everything a fresh browser fetches for the search page before the reader types: the page, its
 * styles and scripts, and what focusing the search box loads (Pagefind's script, WebAssembly and
 * metadata), until the network is idle.
 */
export async function bytesBeforeFirstKeystroke(root: string): Promise<PageBytes> {
  const { gzipSync } = await import('node:zlib');
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await (await browser.newContext()).newPage();
    const byKind: PageBytes['byKind'] = new Map();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push(
        (async () => {
          const url = response.url();
          const body = await response.body().catch(() => Buffer.alloc(0));
          const text = /\.(js|mjs|css|json|html)(\?|$)|\/$/u.test(url);
          const kind = url.includes('/pagefind/')
            ? 'Pagefind'
            : /\.(m?js)(\?|$)/u.test(url)
              ? 'page JavaScript'
              : /\.css(\?|$)/u.test(url)
                ? 'CSS'
                : /\.(woff2?|ttf)(\?|$)/u.test(url)
                  ? 'fonts'
                  : /\/$|\.html(\?|$)/u.test(url)
                    ? 'HTML'
                    : 'other';
          const entry = byKind.get(kind) ?? { files: 0, bytes: 0, gzipBytes: 0 };
          entry.files += 1;
          entry.bytes += body.length;
          entry.gzipBytes += text ? gzipSync(body).length : body.length;
          byKind.set(kind, entry);
        })(),
      );
    });
    await page.goto(`${root}search/`);
    await page.locator('form[data-search-form][data-ready]').waitFor({ state: 'attached' });
    await page.locator('#search-query').focus();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await Promise.all(pending);
    const all = [...byKind.values()];
    return { byKind, bytes: all.reduce((s, e) => s + e.bytes, 0), gzipBytes: all.reduce((s, e) => s + e.gzipBytes, 0) };
  } finally {
    await browser.close();
  }
}
