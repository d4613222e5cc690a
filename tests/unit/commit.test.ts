/**
 * The ingest writes all or nothing, one run at a time, and says plainly when the machine is at
 * fault: killed at any moment, the content is as before or as after; two runs at once both land;
 * a full disk or a read-only folder changes nothing and is named.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE, LOCK_FILE, STAGING_DIR } from '../../scripts/ingest/commit.ts';
import { plainMdx } from '../../src/loaders/plain-mdx.ts';
import { ROOT, scratchContent, scratchDir } from './helpers.ts';

const CLI = join(ROOT, 'scripts/ingest.ts');
const FAULTS = join(ROOT, 'tests/fixtures/faults');
const HEADER = 'new\n\nGet trending papers in your email inbox!\n\nDaily Papers\n\nAug 9\n\n';

/** A copied page of `n` papers, each with its own title and an abstract long enough to be one. */
function bigPage(n: number, tag = 'big'): string {
  const path = join(scratchDir('kill-'), `${tag}.txt`);
  const papers = Array.from(
    { length: n },
    (_, i) =>
      `Paper ${tag} ${i}: Scaling Video Diffusion\n\nWe study video diffusion models number ${i} at scale, measure their quality on many datasets, and release the code and the data for everyone.\n`,
  );
  writeFileSync(path, HEADER + papers.join('\n'));
  return path;
}

/** What the site reads of a content root: papers/, sources/ and topics/, as path → bytes. */
function visible(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const sub of ['papers', 'sources', 'topics']) {
    if (!existsSync(join(dir, sub))) continue;
    for (const name of readdirSync(join(dir, sub)).sort()) files.set(`${sub}/${name}`, readFileSync(join(dir, sub, name), 'latin1'));
  }
  return files;
}

const cli = (args: string[], env: NodeJS.ProcessEnv = {}, preload?: string) =>
  spawnSync(process.execPath, [...(preload ? ['--import', join(FAULTS, preload)] : []), CLI, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, ...env },
  });

describe('an ingest killed at any moment', () => {
  it('leaves the content as before or as after (once the next run finishes what was committed)', async () => {
    const listing = bigPage(800);
    const before = scratchContent(true);
    const beforeFiles = visible(before);
    const complete = join(scratchDir('after-'), 'content');
    cpSync(before, complete, { recursive: true });
    const started = performance.now();
    expect(cli([listing, '--out', complete]).status).toBe(0);
    const duration = performance.now() - started;
    const afterFiles = visible(complete);
    expect(afterFiles.size).toBe(beforeFiles.size + 801);

    const outcomes = { before: 0, after: 0, recovered: 0 };
    // Kill points spread over the whole run, from start-up to the last renames.
    for (const share of [0.05, 0.3, 0.55, 0.75, 0.88, 0.95, 0.99]) {
      const dir = join(scratchDir('killed-'), 'content');
      cpSync(before, dir, { recursive: true });
      const child = spawn(process.execPath, [CLI, listing, '--out', dir], { cwd: ROOT, stdio: 'ignore' });
      const exitedEarly = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, duration * share));
      child.kill('SIGKILL');
      await exitedEarly;
      const now = visible(dir);
      const same = (files: Map<string, string>): boolean => JSON.stringify([...now]) === JSON.stringify([...files]);
      if (same(beforeFiles)) outcomes.before += 1;
      else if (same(afterFiles)) outcomes.after += 1;
      else {
        // Killed while putting the committed files in place: the journal says what remains.
        expect(existsSync(join(dir, JOURNAL_FILE)), `killed at ${share} of the run: a half-written folder without a journal`).toBe(true);
        outcomes.recovered += 1;
      }
      // The next run finishes or discards what the killed one left, and leaves no trace of it.
      const next = cli(['--recover', '--out', dir]);
      expect(next.status, next.stderr).toBe(0);
      const recovered = visible(dir);
      expect([JSON.stringify([...beforeFiles]), JSON.stringify([...afterFiles])]).toContain(JSON.stringify([...recovered]));
      for (const hidden of [JOURNAL_FILE, STAGING_DIR, LOCK_FILE]) expect(existsSync(join(dir, hidden)), hidden).toBe(false);
    }
    expect(outcomes.before + outcomes.after + outcomes.recovered).toBe(7);
  }, 300_000);

  it('killed while putting committed files in place: the build refuses, and the next run finishes the job', async () => {
    const listing = bigPage(20);
    const dir = scratchContent(true);
    const after = join(scratchDir('after-'), 'content');
    cpSync(dir, after, { recursive: true });
    expect(cli([listing, '--out', after]).status).toBe(0);
    const killed = cli([listing, '--out', dir], {}, 'killed-mid-commit.mjs');
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
    expect(visible(dir)).not.toEqual(visible(after));
    // The site is not built from a half-written folder.
    const loader = plainMdx({ base: join(dir, 'papers') });
    await expect(
      loader.load({ config: { root: pathToFileURL(`${ROOT}/`) } } as unknown as Parameters<typeof loader.load>[0]),
    ).rejects.toThrow(/\.ingest-journal\.json: an ingest was interrupted while writing the content/u);
    const next = cli([listing, '--out', dir]);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/warning: finished an interrupted ingest: 19 of its 21 file\(s\) were still to be put in place/u);
    expect(next.stdout).toMatch(/0 new, 0 updated, 20 unchanged, 0 refused/u);
    expect(visible(dir)).toEqual(visible(after));
  });

  it('removes temp files an older, killed run left, and a staging folder never committed', () => {
    const dir = scratchContent(true);
    writeFileSync(join(dir, 'papers', 'half-written.mdx.tmp-12345'), '---\nid: "half');
    mkdirSync(join(dir, STAGING_DIR));
    writeFileSync(join(dir, STAGING_DIR, '0'), 'staged but never committed');
    const result = cli(['--recover', '--out', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/removed the files of an ingest that was interrupted before it wrote anything/u);
    expect(result.stdout).toMatch(/removed the stale temp file .*half-written\.mdx\.tmp-12345/u);
    expect(readdirSync(join(dir, 'papers')).some((f) => f.includes('.tmp-'))).toBe(false);
    expect(existsSync(join(dir, STAGING_DIR))).toBe(false);
  });
});

describe('two ingests at once', () => {
  it('run one after the other: the second waits, and no sources line is lost', async () => {
    const dir = scratchContent();
    const shared =
      'Shared Video Paper\n\nWe study video diffusion models at scale, measure their quality on many datasets, and release the code and the data for everyone.\n';
    const first = bigPage(800, 'first');
    writeFileSync(first, `${readFileSync(first, 'utf8')}\n${shared}`);
    const second = join(scratchDir('second-'), 'second.txt');
    writeFileSync(second, HEADER.replace('Aug 9', 'Aug 10') + shared);
    const go = join(scratchDir('go-'), 'go');
    const runOne = (path: string, onErr: (text: string) => void = () => undefined, preload: string[] = []) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [...preload, CLI, path, '--out', dir], {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, CATALOGUE_TEST_GO: go },
        });
        let err = '';
        child.stderr?.on('data', (d: Buffer) => {
          err += d.toString();
          onErr(err);
        });
        child.on('exit', (code) => resolve({ code, err }));
      });
    // The first holds its lock in its commit until the second says it waits for it.
    const a = runOne(first, undefined, ['--import', join(ROOT, 'tests/fixtures/faults/held-commit.mjs')]);
    while (!existsSync(join(dir, LOCK_FILE))) await new Promise((resolve) => setTimeout(resolve, 50));
    const b = runOne(second, (err) => {
      if (/waiting for another ingest/u.test(err)) writeFileSync(go, '');
    });
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.code, ra.err).toBe(0);
    expect(rb.code, rb.err).toBe(0);
    expect(rb.err).toMatch(/waiting for another ingest \(process \d+, since .*\) to finish/u);
    const entry = readFileSync(join(dir, 'papers', 'shared-video-paper.mdx'), 'utf8');
    expect(entry).toContain('listing: "daily-papers-aug-9"');
    expect(entry).toContain('listing: "daily-papers-aug-10"');
    expect(readdirSync(join(dir, 'papers'))).toHaveLength(801);
  }, 120_000);

  it('takes over a lock whose process is gone', () => {
    const dir = scratchContent();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 999_999_999, host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    const result = cli([bigPage(2), '--out', dir]);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

describe('a machine at fault', () => {
  it('with a full disk: a plain message naming the path, exit 3, and the content as before', () => {
    const dir = scratchContent(true);
    const before = visible(dir);
    const result = cli([bigPage(5), '--out', dir], {}, 'full-disk.mjs');
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(
      /^error: could not write .*\.ingest-staging\/2: the disk is full\. Free some space and run the ingest again\.$/mu,
    );
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /u);
    expect(visible(dir)).toEqual(before);
    expect(existsSync(join(dir, STAGING_DIR))).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('with a read-only folder: a plain message naming the path, exit 3, and nothing changed', () => {
    const dir = scratchContent(true);
    const before = visible(dir);
    const result = cli([bigPage(5), '--out', dir], { CATALOGUE_TEST_READ_ONLY: dir }, 'read-only.mjs');
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(
      /^error: could not create the lock file .*\.ingest\.lock: the file system is read-only\. Fix that and run the ingest again\.$/mu,
    );
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /u);
    expect(visible(dir)).toEqual(before);
  });

  it('with the source unreadable: a plain message naming it', () => {
    const dir = scratchContent();
    const source = bigPage(2);
    rmSync(source);
    mkdirSync(source);
    expect(cli([source, '--out', dir]).stderr).toMatch(/is a folder, not a source file/u);
  });
});
