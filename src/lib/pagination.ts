/** Splits lists into numbered pages. Page URLs are built by the caller from `urls`. */

export const PAGE_SIZE = 50;

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Number of pages (at least 1). */
  count: number;
  items: T[];
  /** 1-based index of the first and last item on this page. */
  first: number;
  last: number;
  total: number;
}

/** All pages of a list; an empty list has one empty page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => {
    const slice = items.slice(i * size, (i + 1) * size);
    return {
      number: i + 1,
      count,
      items: slice,
      first: slice.length ? i * size + 1 : 0,
      last: i * size + slice.length,
      total: items.length,
    };
  });
}

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
