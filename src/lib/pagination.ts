/** The size of a page of papers and the numbered links of a pager. Lists are paged by Astro's paginate() in src/routing.ts. */

export const PAGE_SIZE = 50;

export interface PageLink {
  number: number;
  href: string;
  current: boolean;
}

/**
 * The numbered links for a pager: always the first and last page and a window around the
 * current one; `null` marks a gap.
 */
export function pageLinks(current: number, count: number, href: (n: number) => string, window = 2): (PageLink | null)[] {
  const numbers = new Set<number>([1, count]);
  for (let n = current - window; n <= current + window; n++) if (n >= 1 && n <= count) numbers.add(n);
  const sorted = [...numbers].sort((a, b) => a - b);
  const out: (PageLink | null)[] = [];
  sorted.forEach((n, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && n - prev > 1) out.push(null);
    out.push({ number: n, href: href(n), current: n === current });
  });
  return out;
}
