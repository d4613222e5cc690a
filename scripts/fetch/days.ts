/** The days a fetch asks for: as given (`--date`, `--from`/`--to`), or yesterday and today in UTC. */

/** Wrong usage: a message that says what to type instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const DAY_MS = 86_400_000;
/** A year and a day: more is surely a typo (a year of days takes six minutes at one request a second). */
const MAX_DAYS = 366;

const iso = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The time of a YYYY-MM-DD day at 00:00 UTC, or a usage error naming the option. */
function parseDay(value: string, option: string): number {
  const time = /^\d{4}-\d{2}-\d{2}$/u.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  // Date.parse rolls 2025-02-30 over to March; a day that does not come back the same does not exist.
  if (Number.isNaN(time) || iso(time) !== value)
    throw new UsageError(`${option} must be a day such as 2025-05-30 (YYYY-MM-DD), not "${value}"`);
  return time;
}

/** Every day from `from` to `to`, both included, in order. */
function daysFrom(from: string, to: string): string[] {
  const start = parseDay(from, '--from');
  const end = parseDay(to, '--to');
  if (end < start) throw new UsageError(`--to (${to}) is before --from (${from})`);
  const count = (end - start) / DAY_MS + 1;
  if (count > MAX_DAYS) throw new UsageError(`--from ${from} --to ${to} is ${count} days; fetch at most ${MAX_DAYS} at a time`);
  return Array.from({ length: count }, (_, i) => iso(start + i * DAY_MS));
}

/** Yesterday and today in UTC: today's listing grows during the day, so tomorrow's run takes it again, complete. */
function defaultDays(now: Date = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return [iso(today - DAY_MS), iso(today)];
}

/** The days of the options given: one `--date`, a `--from`/`--to` range (`--to` defaults to today), or the default. */
export function daysOf(
  options: { date?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: Date = new Date(),
): string[] {
  const { date, from, to } = options;
  if (date !== undefined) {
    if (from !== undefined || to !== undefined) throw new UsageError('give either --date or --from/--to, not both');
    parseDay(date, '--date');
    return [date];
  }
  if (to !== undefined && from === undefined) throw new UsageError('--to needs --from: the first day of the range');
  if (from !== undefined) return daysFrom(from, to ?? defaultDays(now)[1] ?? '');
  return defaultDays(now);
}
