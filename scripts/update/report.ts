/**
 * What the daily update says about a fetch: the commit message of the entries it wrote, and the
 * body of the one issue that lists what was refused. Pure text, so the tests read it as a
 * maintainer would.
 */
import { relative } from 'node:path';
import { dayInWords } from '../fetch/command.ts';
import type { DayResult, FetchRun } from '../fetch/run.ts';
import { plural } from '../ingest/run.ts';

/** The one issue the update opens, and comments on while it is open. */
export const ISSUE_TITLE = 'Daily Papers update: refused responses or papers';

/** The days in a few words: one, two, or a range. */
function daysInWords(days: string[]): string {
  if (days.length <= 2) return days.join(' and ');
  return `${days[0] ?? ''} to ${days.at(-1) ?? ''}`;
}

const changedDay = (r: DayResult): boolean => r.kind === 'ingested' && r.written && r.plan.writes.length > 0;

/** The commit message for the days that changed the content: a subject naming them and the counts, a line a day. */
export function commitMessage(run: FetchRun): string {
  const changed = run.results.filter(changedDay);
  const sum = (key: 'new' | 'updated' | 'refused'): number =>
    changed.reduce((n, r) => n + (r.kind === 'ingested' ? r.plan.counts[key] : 0), 0);
  const counts = [`${sum('new')} new`, `${sum('updated')} updated`, ...(sum('refused') > 0 ? [`${sum('refused')} refused`] : [])];
  const subject = `Daily Papers ${daysInWords(changed.map((r) => r.day))}: ${counts.join(', ')}`;
  const lines = run.results.map((r) => `${r.day}: ${dayInWords(r)}`);
  return `${subject}\n\n${lines.join('\n')}\n\nFetched by npm run update.\n`;
}

/** Untrusted text (titles, messages) as a fenced block, so nothing in it renders or mentions anyone. */
function fenced(lines: string[]): string {
  const text = lines.join('\n');
  const longest = Math.max(2, ...[...text.matchAll(/~+/gu)].map((m) => m[0].length));
  const fence = '~'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/** The issue body: each refused response and each day's refused papers, with what to do. */
export function issueBody(run: FetchRun, runUrl?: string): string {
  const parts = [`The daily update${runUrl ? ` ([this run](${runUrl}))` : ''} could not take everything the Daily Papers API served.`];
  for (const r of run.results) {
    if (r.kind === 'refused') {
      parts.push(
        `### ${r.day}: the response was refused`,
        'Nothing of that day was written. The response is kept as `' +
          relative(process.cwd(), r.kept) +
          "` (in the run's `rejected-responses` artifact). If the API changed, the adapter in `scripts/ingest/sources/hf-api.ts` must follow; otherwise the next run asks again.",
        fenced([r.reason]),
      );
    } else if (r.kind === 'ingested' && (r.plan.refused.length > 0 || r.plan.errors.length > 0)) {
      const problems = [...r.plan.errors, ...r.plan.refused].map((p) => `${p.where}: ${p.field}: ${p.message}`);
      parts.push(
        `### ${r.day}: ${plural(r.plan.counts.refused, 'paper')} refused`,
        `The other papers of the day were written. Fix what each line names (a repair rule in \`scripts/ingest/repair.ts\`, or the entry), then run \`npm run fetch -- --date ${r.day}\`.`,
        fenced(problems),
      );
    }
  }
  return `${parts.join('\n\n')}\n`;
}
