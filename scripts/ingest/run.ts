/**
 * One source through the ingest and its report, shared by the ingest CLI and the fetcher (which
 * ingests each day's response in-process): plan it, write it all or nothing, and say what happened
 * to each paper. The caller holds the content root's lock.
 */
import { relative } from 'node:path';
import { commitWrites } from './commit.ts';
import { planIngest, type IngestOptions, type Plan, type Problem } from './plan.ts';

/** Where reports go: the console, or a test's capture. */
export interface Printer {
  log(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

const show = (kind: string, p: Problem): string => `${kind}: ${p.where}: ${p.field}: ${p.message}`;
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report of one source: warnings, refusals and what happens to each paper. */
export function report(plan: Plan, dryRun: boolean, print: Printer = console): void {
  for (const w of plan.warnings) print.warn(show('warning', w));
  for (const e of plan.errors) print.error(show('error', e));
  for (const e of plan.refused) print.error(show('refused', e));
  for (const o of plan.outcomes) {
    if (o.kind === 'new')
      print.log(
        `  new        ${o.id}  ${o.topics.length ? `topics: ${o.topics.join(', ')}` : '(awaits a topic)'}${o.rules.length ? `  repaired: ${o.rules.join(', ')}` : ''}`,
      );
    else if (o.kind === 'updated') print.log(`  updated    ${o.id}  (${o.changes.join('; ')})`);
    else if (o.kind === 'unchanged') print.log(`  unchanged  ${o.id}`);
  }
  if (dryRun) for (const w of plan.writes) print.log(`would ${w.action} ${relative(process.cwd(), w.path)}: ${w.summary}`);
  const { counts } = plan;
  const of = plan.listing ? ` (source ${plan.listing.id})` : '';
  print.log(
    `${dryRun ? 'dry run: ' : ''}${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.refused} refused${of}${dryRun ? '; nothing written' : ''}`,
  );
}

export interface Ingested {
  plan: Plan;
  /** Whether the plan's files were written (none when the source could not be read, or strict refused it). */
  written: boolean;
  /** 0 when every paper went in or was there already; 1 when the source or a paper was refused. */
  status: 0 | 1;
}

/** Plans one source, writes it unless it cannot be, and reports it. Call with the lock held. */
export function ingestSource(options: IngestOptions & { strict?: boolean }, print: Printer = console): Ingested {
  const plan = planIngest(options);
  const failed = plan.errors.length > 0 || plan.refused.length > 0;
  const status = failed ? 1 : 0;
  if (plan.errors.length > 0 || (options.strict && failed)) {
    report({ ...plan, writes: [] }, false, print);
    const name = options.name ?? relative(process.cwd(), options.sourcePath);
    print.error(
      plan.errors.length > 0
        ? `nothing was written for ${name}: fix the problems above and run the ingest again`
        : `--strict: nothing was written for ${name}, since ${plural(plan.counts.refused, 'paper')} ${plan.counts.refused === 1 ? 'was' : 'were'} refused`,
    );
    return { plan, written: false, status };
  }
  commitWrites(options.contentDir, plan.writes);
  report(plan, false, print);
  return { plan, written: true, status };
}

/** The closing list of new papers no topic rule matched, with what to do about them. */
export function reportUntagged(untagged: readonly { id: string; title: string }[], print: Printer = console): void {
  if (untagged.length === 0) return;
  print.log(`\n${plural(untagged.length, 'new paper')} ${untagged.length === 1 ? 'awaits' : 'await'} a topic (no rule matched):`);
  for (const p of untagged) print.log(`  - ${p.id}: ${p.title}`);
  print.log('Run `npm run topics -- suggest` for the phrases they share, to add a topic or a rule in one edit.');
}
