/**
 * The reading list: paper ids a reader saved, kept in the browser (localStorage, no account, no
 * server), and shared as a link that holds the ids (`/reading-list/?ids=a,b`). Pure and tested;
 * src/client/reading-list.ts and save-button.ts use it.
 */

/** What a paper id looks like (the schema's id pattern); anything else in a link or storage is ignored. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** The most ids a list holds, so a hostile link cannot make the page fetch without end. */
export const MAX_IDS = 500;

/** The ids in a text, in order, each once, only well-formed ones, at most MAX_IDS. */
export function cleanIds(ids: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const id of ids) if (typeof id === 'string' && ID.test(id) && seen.size < MAX_IDS) seen.add(id);
  return [...seen];
}

/** The storage key: one list per catalogue, even when two are hosted under sub-paths of one origin. */
export const storageKey = (base: string): string => `paper-catalogue:reading-list:${base}`;

/** The list as stored (a JSON array of ids); an unreadable value is an empty list, never an error. */
export function readStored(value: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(parsed) ? cleanIds(parsed) : [];
  } catch {
    return [];
  }
}

/** The ids a shared link holds (`?ids=a,b,c`), or undefined when it holds none. */
export function sharedIds(params: URLSearchParams): string[] | undefined {
  const raw = params.get('ids');
  return raw === null ? undefined : cleanIds(raw.split(','));
}

/** The query string of a link that opens `ids` as a shared list. */
export const shareQuery = (ids: readonly string[]): string => (ids.length ? `?ids=${ids.join(',')}` : '');

/** The list with `id` saved (at the end) or removed. */
export function toggled(list: readonly string[], id: string, save: boolean): string[] {
  const without = list.filter((x) => x !== id);
  return save ? cleanIds([...without, id]) : without;
}

/** A shared list saved into one's own: the ids not yet there added at the end, in the shared order. */
export const merged = (own: readonly string[], shared: readonly string[]): string[] => cleanIds([...own, ...shared]);

/** What a list item shows, read from the paper's CSL-JSON citation file. */
export interface ListItem {
  title: string;
  byline: string;
}

/** The title and "authors · year" of a CSL-JSON citation file's first item, or undefined when it has none. */
export function listItem(csl: unknown): ListItem | undefined {
  const item: unknown = Array.isArray(csl) ? csl[0] : undefined;
  if (typeof item !== 'object' || item === null) return undefined;
  const { title, author, issued } = item as { title?: unknown; author?: unknown; issued?: { 'date-parts'?: unknown[][] } };
  if (typeof title !== 'string') return undefined;
  const names = (Array.isArray(author) ? author : []).map((a: { family?: unknown; literal?: unknown }) =>
    String(a.family ?? a.literal ?? ''),
  );
  const authors = names.length > 2 ? `${names[0] ?? ''} et al.` : names.join(' and ');
  const year = issued?.['date-parts']?.[0]?.[0];
  return { title, byline: [authors, typeof year === 'number' ? String(year) : ''].filter(Boolean).join(' · ') };
}
