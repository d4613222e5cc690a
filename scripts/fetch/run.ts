/**
 * Fetches each day's Daily Papers API response and ingests it, one day after another: the response
 * is checked first (a refused one is kept aside and writes nothing), then planned and written all
 * or nothing under the ingest's lock, exactly as `npm run ingest` would write it. When the API
 * stays down, the days after are not asked for.
 */
import { relative } from 'node:path';
import { acquireLock, recover } from '../ingest/commit.ts';
import type { Plan } from '../ingest/plan.ts';
import { ingestSource, plural, type Printer } from '../ingest/run.ts';
import { ApiUnavailable, pacer, politeGet, seconds, type Politeness } from './http.ts';
import { checkResponse, keepRejected } from './response.ts';

export type DayResult =
  | { day: string; kind: 'empty' }
  | { day: string; kind: 'refused'; reason: string; kept: string }
  | { day: string; kind: 'ingested'; plan: Plan; written: boolean };

export interface FetchOptions {
  days: readonly string[];
  contentDir: string;
  /** The API's origin, e.g. https://huggingface.co. */
  api: string;
  politeness: Politeness;
  userAgent: string;
  /** How long to wait for another ingest to finish. */
  lockWaitMs?: number;
}

export interface FetchRun {
  /** What became of each day asked for, in order, up to the one the API failed on. */
  results: DayResult[];
  /** Days not fetched because the API stayed down (the failing day first). */
  missed: string[];
  /** Why the API could not be used, when it could not. */
  unavailable?: string;
  /** Whether asking later may help (not after a 404). */
  later?: boolean;
}

const dailyPapersUrl = (api: string, day: string): string => `${api.replace(/\/+$/u, '')}/api/daily_papers?date=${day}`;

/** Fetches and ingests every day of `options.days`. Environment faults (a full disk) throw. */
export async function fetchDays(options: FetchOptions, print: Printer = console): Promise<FetchRun> {
  const { contentDir, politeness } = options;
  const pace = pacer(politeness.intervalMs);
  const headers = { 'user-agent': options.userAgent, accept: 'application/json' };
  const results: DayResult[] = [];
  for (const [index, day] of options.days.entries()) {
    const url = dailyPapersUrl(options.api, day);
    print.log(`${day}: GET ${url}`);
    let answer;
    try {
      answer = await politeGet(url, {
        politeness,
        pace,
        headers,
        onRetry: (problem, waitMs, nextTry) =>
          print.warn(`  ${problem}; trying again in ${seconds(waitMs)} (try ${nextTry} of ${politeness.attempts})`),
      });
    } catch (error) {
      if (!(error instanceof ApiUnavailable)) throw error;
      return { results, missed: options.days.slice(index), unavailable: error.message, later: error.later };
    }
    const verdict = checkResponse(answer.bytes, day, answer.contentType);
    if (verdict.kind === 'empty') {
      print.log(`${day}: no papers that day (the API answered an empty list); nothing written`);
      results.push({ day, kind: 'empty' });
      continue;
    }
    if (verdict.kind === 'refused') {
      const kept = keepRejected(contentDir, day, answer.bytes, answer.contentType);
      print.error(`refused: ${day}: ${verdict.reason}`);
      print.error(`  nothing was written for ${day}; the response is kept as ${relative(process.cwd(), kept)}`);
      results.push({ day, kind: 'refused', reason: verdict.reason, kept });
      continue;
    }
    print.log(`${day}: ${plural(verdict.count, 'paper')}`);
    const release = acquireLock(contentDir, {
      ...(options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs }),
      onWait: (holder) => print.warn(`waiting for another ingest (process ${holder.pid}, since ${holder.started}) to finish…`),
    });
    try {
      for (const line of recover(contentDir)) print.warn(`warning: ${line}`);
      const done = ingestSource({ sourcePath: url, name: url, bytes: answer.bytes, contentDir, format: 'hf-api', date: day }, print);
      results.push({ day, kind: 'ingested', plan: done.plan, written: done.written });
    } finally {
      release();
    }
  }
  return { results, missed: [] };
}

/** Whether anything was refused: a whole response, or papers of one. */
export const refusedAny = (run: FetchRun): boolean =>
  run.results.some((r) => r.kind === 'refused' || (r.kind === 'ingested' && (r.plan.refused.length > 0 || r.plan.errors.length > 0)));

/**
 * Whether the run wrote entries or the responses they came from. A refused response kept under
 * sources/rejected/ does not count: it is git-ignored, nothing to commit.
 */
export const changedAny = (run: FetchRun): boolean =>
  run.results.some((r) => r.kind === 'ingested' && r.written && r.plan.writes.length > 0);
