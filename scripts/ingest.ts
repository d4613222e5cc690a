/**
 * Ingest CLI: turns a Daily Papers listing into validated MDX entries.
 *
 *   npm run ingest -- <listing.txt> [--out DIR] [--dry-run]
 *
 * --out DIR   the content root to write to (default: content); holds papers/, topics/, sources/
 * --dry-run   print what would be written, and write nothing
 *
 * Exit status: 0 when done (or nothing to do), 1 when the input has problems (nothing is written),
 * 2 on wrong usage.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyPlan, planIngest, type Problem } from './ingest/run.ts';

const USAGE = 'usage: npm run ingest -- <listing.txt> [--out DIR] [--dry-run]';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) {
    console.error(`expected exactly one listing file\n${USAGE}`);
    return 2;
  }
  const listingPath = resolve(positionals[0]);
  if (!existsSync(listingPath)) {
    console.error(`no such file: ${positionals[0]}\n${USAGE}`);
    return 2;
  }
  if (statSync(listingPath).isDirectory()) {
    console.error(`${positionals[0]} is a directory, not a listing file: name the .txt file of one listing\n${USAGE}`);
    return 2;
  }
  const contentDir = resolve(values.out ?? 'content');
  const dryRun = values['dry-run'] === true;

  const plan = planIngest({ listingPath, contentDir });
  const show = (kind: string, p: Problem): string => `${kind}: ${p.where}: ${p.field}: ${p.message}`;
  for (const w of plan.warnings) console.warn(show('warning', w));
  if (plan.errors.length > 0) {
    for (const e of plan.errors) console.error(show('error', e));
    console.error(
      `\n${plan.errors.length} problem(s); nothing was written. Fix the listing or the entries named above and run the ingest again.`,
    );
    return 1;
  }
  for (const line of plan.report) console.log(line);
  const created = plan.writes.filter((w) => w.action === 'create' && w.path.endsWith('.mdx')).length;
  const updated = plan.writes.filter((w) => w.action === 'update').length;
  const unchanged = plan.report.filter((l) => l.trimStart().startsWith('unchanged')).length;
  const summary = `${created} new, ${updated} updated, ${unchanged} unchanged (listing ${plan.listingId})`;
  if (dryRun) {
    for (const w of plan.writes) console.log(`would ${w.action} ${relative(process.cwd(), w.path)}: ${w.summary}`);
    console.log(`dry run: ${summary}; nothing written`);
    return 0;
  }
  applyPlan(plan);
  console.log(summary);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Anything that reaches here is a bug, not bad input: say so without a stack trace unless asked.
  console.error(`internal error: ${(error as Error).message}`);
  if (process.env['DEBUG']) console.error((error as Error).stack);
  else console.error('run again with DEBUG=1 for details, and please report it');
  process.exitCode = 2;
}
