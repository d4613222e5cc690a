/**
 * `npm run fetch` as a function of its arguments and environment, so the update script and the
 * tests run it in-process. See scripts/fetch.ts for the options, the variables and the exit status.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE } from '../../src/site.config.ts';
import { reportUntagged, type Printer } from '../ingest/run.ts';
import { daysOf, UsageError } from './days.ts';
import { DEFAULT_POLITENESS, type Politeness } from './http.ts';
import { fetchDays, refusedAny, type DayResult, type FetchRun } from './run.ts';
import { EXIT } from '../cli.ts';

const USAGE = 'usage: npm run fetch -- [--date YYYY-MM-DD | --from YYYY-MM-DD [--to YYYY-MM-DD]] [--out DIR]';
const DEFAULT_API = 'https://huggingface.co';

/** The variables that tune {@link Politeness} (tests make every wait short). */
const POLITENESS_VARIABLES: readonly [keyof Politeness, string, number][] = [
  ['timeoutMs', 'CATALOGUE_FETCH_TIMEOUT_MS', 1],
  ['attempts', 'CATALOGUE_FETCH_ATTEMPTS', 1],
  ['backoffMs', 'CATALOGUE_FETCH_BACKOFF_MS', 0],
  ['maxWaitMs', 'CATALOGUE_FETCH_MAX_WAIT_MS', 0],
  ['intervalMs', 'CATALOGUE_FETCH_INTERVAL_MS', 0],
];

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Names the project and where to reach its maintainers, as API operators ask of automated clients. */
const userAgent = (repository: string): string => `paper-catalogue/${VERSION} (+${repository})`;

function politenessOf(env: NodeJS.ProcessEnv): Politeness {
  const politeness = { ...DEFAULT_POLITENESS };
  for (const [key, name, least] of POLITENESS_VARIABLES) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (!/^\d+$/u.test(value) || Number(value) < least)
      throw new UsageError(`${name} must be a whole number${least > 0 ? ` of at least ${least}` : ''}, not "${value}"`);
    politeness[key] = Number(value);
  }
  return politeness;
}

function apiOf(env: NodeJS.ProcessEnv): string {
  const api = env['CATALOGUE_HF_API']?.trim() || DEFAULT_API;
  if (!URL.canParse(api) || !/^https?:$/u.test(new URL(api).protocol))
    throw new UsageError(`CATALOGUE_HF_API must be an http(s) URL such as ${DEFAULT_API}, not "${api}"`);
  return api;
}

/** One day in a few words, for the closing summary and the update's commit message. */
export function dayInWords(result: DayResult): string {
  if (result.kind === 'empty') return 'no papers';
  if (result.kind === 'refused') return 'response refused';
  const { counts, writes } = result.plan;
  if (!result.written) return 'nothing written';
  const parts = [`${counts.new} new`, `${counts.updated} updated`, `${counts.unchanged} unchanged`];
  if (counts.refused > 0) parts.push(`${counts.refused} refused`);
  const replaced = writes.some((w) => w.path.includes('/sources/') && w.action === 'update');
  return `${parts.join(', ')}${replaced ? '; a newer response kept' : ''}`;
}

function summarise(run: FetchRun, print: Printer): number {
  if (run.results.length > 0) print.log(`\nfetched ${run.results.map((r) => `${r.day}: ${dayInWords(r)}`).join('; ')}`);
  reportUntagged(
    run.results.flatMap((r) => (r.kind === 'ingested' && r.written ? r.plan.untagged : [])),
    print,
  );
  if (run.unavailable) {
    const next = run.later === false ? 'check the address the fetch asks (CATALOGUE_HF_API)' : 'run the fetch again later';
    print.error(
      `\nerror: the Daily Papers API could not be used: ${run.unavailable}.\nNothing was fetched for ${run.missed.join(', ')}${run.results.length > 0 ? ' (the days before are written)' : ''}; ${next}.`,
    );
    return EXIT.unavailable;
  }
  if (refusedAny(run)) {
    print.error('\nSome responses or papers were refused (see "refused:" above): nothing of a refused response was written.');
    return EXIT.refused;
  }
  return EXIT.ok;
}

export interface FetchOutcome {
  status: number;
  /** Absent when the fetch did not start (wrong usage, not a content root). */
  run?: FetchRun;
}

/** Runs the fetch. Environment faults (a full disk, a lock held too long) throw an EnvironmentError. */
export async function fetchCommand(argv: string[], env: NodeJS.ProcessEnv, print: Printer = console): Promise<FetchOutcome> {
  let options;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        date: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      print.log(USAGE);
      return { status: EXIT.ok };
    }
    options = { days: daysOf(values), out: values.out, api: apiOf(env), politeness: politenessOf(env) };
  } catch (error) {
    if (!(error instanceof UsageError) && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS') !== true) throw error;
    print.error(`${(error as Error).message}\n${USAGE}`);
    return { status: EXIT.usage };
  }
  const contentDir = resolve(options.out ?? 'content');
  if (!existsSync(join(contentDir, 'topics'))) {
    print.error(
      `${relative(process.cwd(), contentDir) || contentDir} is not a content root: it has no topics/ folder. Run the fetch from the project folder, or pass --out with the folder that holds papers/, topics/ and sources/.`,
    );
    return { status: EXIT.environment };
  }
  const run = await fetchDays({ ...options, contentDir, userAgent: userAgent(SITE.repository) }, print);
  return { status: summarise(run, print), run };
}
