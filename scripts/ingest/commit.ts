/**
 * Writes an ingest's files all or nothing, however the run ends, and one run at a time.
 *
 * - A lock file (`content/.ingest.lock`, holding the process id) keeps a second ingest out; it
 *   waits for the first, and takes over a lock whose process is gone.
 * - Every file is first written to a staging folder in the content root (same file system). Then a
 *   journal listing the renames is written atomically (temp file, then rename): the commit point.
 *   Then each staged file is renamed over its target, and the journal and staging folder removed.
 * - Killed before the journal exists, the content is as before (the staging folder is removed by
 *   the next run); killed after, the next run (or `npm run ingest -- --recover`) finishes the
 *   renames, so the content is as after. The build refuses to run while a journal is pending.
 *
 * Faults of the environment (a read-only or missing folder, a full disk) become an
 * {@link EnvironmentError} with a plain message naming the path.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Write } from './plan.ts';

export const LOCK_FILE = '.ingest.lock';
export const JOURNAL_FILE = '.ingest-journal.json';
export const STAGING_DIR = '.ingest-staging';

/** The machine or its file system is at fault, not the input. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

const shown = (path: string): string => relative(process.cwd(), path) || path;

/** A plain message for a file-system error on `path`, or the error itself when it is not one. */
export function environmentError(error: unknown, path: string, doing: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const where = shown((error as NodeJS.ErrnoException).path ?? path);
  const reasons = new Map([
    ['ENOSPC', `the disk is full`],
    ['EDQUOT', `the disk quota is used up`],
    ['EROFS', `the file system is read-only`],
    ['EACCES', `permission denied`],
    ['EPERM', `permission denied`],
    ['ENOENT', `the folder does not exist`],
    ['ENOTDIR', `a part of the path is not a folder`],
    ['EISDIR', `it is a folder`],
  ]);
  const reason = code ? reasons.get(code) : undefined;
  if (!reason) return error as Error;
  return new EnvironmentError(
    `could not ${doing} ${where}: ${reason}. ${code === 'ENOSPC' || code === 'EDQUOT' ? 'Free some space and' : 'Fix that and'} run the ingest again.`,
  );
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the content root's ingest lock, waiting up to `waitMs` for another run to finish. Returns
 * the function that releases it.
 */
export function acquireLock(
  contentDir: string,
  { waitMs = 60_000, onWait }: { waitMs?: number; onWait?: (holder: LockInfo) => void } = {},
): () => void {
  const path = join(contentDir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
      writeFileSync(fd, `${JSON.stringify(info)}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw environmentError(error, path, 'create the lock file');
    }
    let holder: LockInfo | undefined;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    } catch {
      // Being written this very moment, or left half-written by a killed run: look again shortly.
    }
    if (holder && holder.host === hostname() && !alive(holder.pid)) {
      // Its process is gone: the lock is stale.
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new EnvironmentError(
        `another ingest (process ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}, since ${holder?.started ?? '?'}) is writing to ${shown(contentDir)}: wait for it to finish and run this one again. If no ingest is running, delete ${shown(path)}.`,
      );
    }
    if (holder && !told) {
      onWait?.(holder);
      told = true;
    }
    sleep(200);
  }
}

/** Writes a file atomically: a temp file beside it, then a rename. */
function writeAtomic(path: string, content: string | Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

/** Finishes or discards what an interrupted run left. Returns what it did, for the report. */
export function recover(contentDir: string): string[] {
  const done: string[] = [];
  const journal = join(contentDir, JOURNAL_FILE);
  const staging = join(contentDir, STAGING_DIR);
  if (existsSync(journal)) {
    const { renames } = JSON.parse(readFileSync(journal, 'utf8')) as { renames: [string, string][] };
    let finished = 0;
    for (const [from, to] of renames) {
      const source = join(contentDir, from);
      if (!existsSync(source)) continue;
      mkdirSync(dirname(join(contentDir, to)), { recursive: true });
      renameSync(source, join(contentDir, to));
      finished += 1;
    }
    unlinkSync(journal);
    done.push(`finished an interrupted ingest: ${finished} of its ${renames.length} file(s) were still to be put in place`);
  }
  if (existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    if (done.length === 0) done.push('removed the files of an ingest that was interrupted before it wrote anything');
  }
  // Temp files of single atomic writes, from a run killed mid-write (older versions wrote these).
  for (const sub of ['papers', 'sources', 'topics']) {
    const dir = join(contentDir, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => /\.tmp-\d+$/u.test(n))) {
      rmSync(join(dir, name), { force: true });
      done.push(`removed the stale temp file ${shown(join(dir, name))}`);
    }
  }
  return done;
}

/** True when an interrupted ingest left a journal: the content may be half written until it is recovered. */
export const pendingJournal = (contentDir: string): boolean => existsSync(join(contentDir, JOURNAL_FILE));

/** Writes every file of a plan, all or nothing (see the top of this file). Call with the lock held. */
export function commitWrites(contentDir: string, writes: readonly Write[]): void {
  if (writes.length === 0) return;
  const staging = join(contentDir, STAGING_DIR);
  const renames: [string, string][] = [];
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    writes.forEach((write, n) => {
      const staged = join(staging, String(n));
      writeFileSync(staged, write.content);
      mkdirSync(dirname(write.path), { recursive: true });
      renames.push([relative(contentDir, staged), relative(contentDir, write.path)]);
    });
    writeAtomic(join(contentDir, JOURNAL_FILE), JSON.stringify({ renames }));
  } catch (error) {
    // Nothing is committed yet: leave the content as it was.
    rmSync(staging, { recursive: true, force: true });
    rmSync(`${join(contentDir, JOURNAL_FILE)}.tmp-${process.pid}`, { force: true });
    throw environmentError(error, staging, 'write');
  }
  try {
    for (const [from, to] of renames) renameSync(join(contentDir, from), join(contentDir, to));
    unlinkSync(join(contentDir, JOURNAL_FILE));
    rmSync(staging, { recursive: true, force: true });
  } catch (error) {
    throw environmentError(error, contentDir, 'finish writing to');
  }
}
