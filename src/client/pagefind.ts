/**
 * Loads Pagefind on demand. Its script and WASM are fetched the first time this is called (when a
 * search box gets focus, or the search page opens), never on a plain page load.
 */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}

export interface PagefindData {
  url: string;
  /** The page's indexed text: title, abstract, then the hidden forms. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number> | undefined>;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string | null, options?: { filters?: Record<string, string | string[]> }) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** How many words a result's excerpt shows. */
export const EXCERPT_WORDS = 30;

let loading: Promise<Pagefind> | undefined;

/** The Pagefind API, loaded once. Rejects in the dev server, which has no index. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    if (import.meta.env.DEV) throw new Error('dev');
    const url = `${import.meta.env.BASE_URL.replace(/\/?$/u, '/')}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Pagefind searches in its own Web Worker (the default), whose script is a second copy of its
    // code (12 KB gzipped). Worth it: with noWorker its WebAssembly runs on the page's thread, and
    // the search page's Lighthouse performance fell from 0.99 to 0.96 (a later largest paint).
    await pagefind.options({
      // Titles carry most of what a reader remembers of a paper.
      ranking: { termFrequency: 0.8, pageLength: 0.6 },
    });
    await pagefind.init();
    return pagefind;
  })();
  // A failed download (a dropped connection) is tried again by the next call, not cached.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
