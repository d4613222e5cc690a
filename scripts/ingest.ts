/**
 * Ingest CLI: turns sources into validated MDX entries.
 *
 *   npm run ingest -- <source>... [--out DIR] [--format F] [--date D] [--dry-run] [--strict]
 *   npm run ingest -- --recover [--out DIR]
 *
 * A source is text copied from a Hugging Face papers page, a Daily Papers API response (JSON) or
 * an arXiv API response (Atom), told apart by its content.
 *
 * --out DIR     the content root to write to (default: content); holds papers/, topics/, sources/
 * --format F    hf-page, hf-api or arxiv, when the content should not decide
 * --date D      the listing's date when the source names none (YYYY-MM-DD, or a label as printed)
 * --dry-run     print what would be written, and write nothing
 * --strict      write nothing at all when any paper is refused
 * --recover     finish (or discard) what an interrupted ingest left, and nothing else
 *
 * Exit status: 0 when every paper went in (or was there already); 1 when a source or a paper was
 * refused (the others are written, unless --strict); 2 on wrong usage; 3 when the machine is at
 * fault (a read-only or full disk, a missing folder, another ingest that does not finish).
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SOURCE_FORMATS, type SourceFormat } from '../src/lib/schema.ts';
import { runCli } from './cli.ts';
import { acquireLock, pendingJournal, recover } from './ingest/commit.ts';
import { planIngest } from './ingest/plan.ts';
import { ingestSource, report, reportUntagged } from './ingest/run.ts';

const USAGE =
  'usage: npm run ingest -- <source>... [--out DIR] [--format hf-page|hf-api|arxiv] [--date YYYY-MM-DD] [--dry-run] [--strict]\n' +
  '       npm run ingest -- --recover [--out DIR]';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        date: { type: 'string' },
        'dry-run': { type: 'boolean' },
        strict: { type: 'boolean' },
        recover: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
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
  const format = values.format as SourceFormat | undefined;
  if (format !== undefined && !SOURCE_FORMATS.includes(format)) {
    console.error(`--format must be one of ${SOURCE_FORMATS.join(', ')}, not "${values.format ?? ''}"\n${USAGE}`);
    return 2;
  }
  const contentDir = resolve(values.out ?? 'content');
  if (!existsSync(join(contentDir, 'topics'))) {
    console.error(
      `${relative(process.cwd(), contentDir) || contentDir} is not a content root: it has no topics/ folder. Run the ingest from the project folder, or pass --out with the folder that holds papers/, topics/ and sources/.`,
    );
    return 3;
  }
  if (values.recover) {
    const release = acquireLock(contentDir);
    try {
      const done = recover(contentDir);
      console.log(done.length ? done.join('\n') : 'nothing to recover');
    } finally {
      release();
    }
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`name at least one source file\n${USAGE}`);
    return 2;
  }
  const paths: string[] = [];
  for (const given of positionals) {
    const path = resolve(given);
    if (!existsSync(path)) {
      console.error(`no such file: ${given}\n${USAGE}`);
      return 2;
    }
    if (statSync(path).isDirectory()) {
      console.error(`${given} is a folder, not a source file: name the files in it (e.g. ${given}/*.json)\n${USAGE}`);
      return 2;
    }
    paths.push(path);
  }
  const dryRun = values['dry-run'] === true;
  const strict = values.strict === true;

  if (dryRun) {
    if (pendingJournal(contentDir)) console.warn('warning: an interrupted ingest is pending; run `npm run ingest -- --recover` first');
    let status = 0;
    for (const sourcePath of paths) {
      const plan = planIngest({ sourcePath, contentDir, format, date: values.date });
      report(plan, true);
      if (plan.errors.length + plan.refused.length > 0) status = 1;
    }
    return status;
  }

  const release = acquireLock(contentDir, {
    onWait: (holder) => console.warn(`waiting for another ingest (process ${holder.pid}, since ${holder.started}) to finish…`),
  });
  let status = 0;
  const untagged: { id: string; title: string }[] = [];
  try {
    for (const line of recover(contentDir)) console.warn(`warning: ${line}`);
    for (const sourcePath of paths) {
      const done = ingestSource({ sourcePath, contentDir, format, date: values.date, strict });
      if (done.status !== 0) status = 1;
      if (done.written) untagged.push(...done.plan.untagged);
    }
  } finally {
    release();
  }
  reportUntagged(untagged);
  if (status !== 0)
    console.error('\nSome papers were refused (see "refused:" above): fix the source or the entries named and run the ingest again.');
  return status;
}

await runCli(() => main(process.argv.slice(2)));
