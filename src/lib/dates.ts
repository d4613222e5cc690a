/** Dates as a reader sees them, and where a paper was listed. Pure; no time zone but UTC. */
import type { SourceData } from './schema.ts';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** A day written YYYY-MM-DD as "28 May 2025"; anything else as it is. */
export function formatDay(day: string): string {
  return ISO_DAY.test(day) ? DAY.format(new Date(`${day}T00:00:00Z`)) : day;
}

/**
 * Where a paper was listed, as a reader says it: "Daily Papers, 30 May 2025" for an API day,
 * "Daily Papers, Aug 5, no. 3" for a copied page (its date label as printed, and the place).
 */
export function sourceLabel(source: SourceData): string {
  const date = source.date ? `, ${formatDay(source.date)}` : '';
  return source.format === 'hf-page' ? `${source.name}${date}, no. ${source.position}` : `${source.name}${date}`;
}
