/**
 * `npm run fetch` against a replay of the Daily Papers API on 127.0.0.1 (tests/fixtures/hf-replay.ts)
 * that serves the responses kept in content/sources/ and injects faults. Each test says what must be
 * on disk afterwards: the content root holds nothing but what is listed (no staging folder, journal,
 * lock or temp file left over).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchCommand } from '../../scripts/fetch/command.ts';
import { parseEntry } from '../../scripts/ingest/entry.ts';
import { startReplay, type Replay } from '../fixtures/hf-replay.ts';
import { capture, contentFiles, DAY, DAY_ARXIV, DAY_FILES, FAST, freePort, gaps, realResponse, run } from './fetch-helpers.ts';
import { ROOT, scratchContent } from './helpers.ts';

let replay: Replay;
beforeEach(async () => {
  replay = await startReplay();
});
afterEach(async () => {
  await replay.close();
});

/** Runs the fetch in-process into `dir` against the replay, with short waits unless `env` says otherwise. */
async function fetchInto(dir: string, args: string[], env: Record<string, string> = {}) {
  const { lines, print } = capture();
  const outcome = await fetchCommand([...args, '--out', dir], { ...FAST, CATALOGUE_HF_API: replay.url, ...env }, print);
  return { status: outcome.status, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

const datesAsked = (): string[] => replay.requests.map((r) => r.date);

describe('fetching a day from the API', () => {
  it('writes the day’s papers and keeps the response as served (`npm run fetch -- --date 2025-05-30`)', async () => {
    const dir = scratchContent();
    const result = await run('npm', ['run', 'fetch', '--', '--date', '2025-05-30', '--out', dir], {
      ...FAST,
      CATALOGUE_HF_API: replay.url,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('42 new, 0 updated, 0 unchanged, 0 refused (source hf-daily-2025-05-30)');
    const served = realResponse('2025-05-30');
    const arxiv = (JSON.parse(served.toString('utf8')) as { paper: { id: string } }[]).map((item) => item.paper.id);
    const files = contentFiles(dir);
    const papers = files.filter((f) => f.startsWith('papers/'));
    expect(files).toEqual([...papers, 'sources/hf-daily-2025-05-30.json']);
    expect(papers).toHaveLength(42);
    const written = papers.map((f) => parseEntry(readFileSync(join(dir, f), 'utf8'), f).data['arxiv']);
    expect(new Set(written)).toEqual(new Set(arxiv));
    expect(readFileSync(join(dir, 'sources/hf-daily-2025-05-30.json')).equals(served)).toBe(true);
  });

  it('names the project and its repository in the User-Agent, and asks for each day of --from/--to once, in order', async () => {
    const dir = scratchContent();
    const result = await run(
      process.execPath,
      [join(ROOT, 'scripts/fetch.ts'), '--from', '2024-05-28', '--to', '2024-05-30', '--out', dir],
      {
        ...FAST,
        CATALOGUE_HF_API: replay.url,
        REPOSITORY_URL: 'https://github.com/someone/their-catalogue',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(datesAsked()).toEqual(['2024-05-28', '2024-05-29', '2024-05-30']);
    for (const { userAgent } of replay.requests)
      expect(userAgent).toMatch(/^paper-catalogue\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/someone\/their-catalogue\)$/u);
    expect(result.stdout).toContain('fetched 2024-05-28: no papers; 2024-05-29: 8 new, 0 updated, 0 unchanged; 2024-05-30: no papers');
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`]);
  });

  it('takes an empty day (a weekend) for no papers: exit 0, nothing written', async () => {
    const dir = scratchContent();
    const { status, out } = await fetchInto(dir, ['--date', '2025-05-31']);
    expect(status).toBe(0);
    expect(out).toContain('2025-05-31: no papers that day');
    expect(contentFiles(dir)).toEqual([]);
  });

  it('changes nothing when it fetches a day a second time', async () => {
    const dir = scratchContent();
    expect((await fetchInto(dir, ['--date', DAY])).status).toBe(0);
    const first = contentFiles(dir).map((f) => readFileSync(join(dir, f), 'latin1'));
    const again = await fetchInto(dir, ['--date', DAY]);
    expect(again.status).toBe(0);
    expect(again.out).toContain('0 new, 0 updated, 8 unchanged, 0 refused');
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`]);
    expect(contentFiles(dir).map((f) => readFileSync(join(dir, f), 'latin1'))).toEqual(first);
  });

  it('writes entries whose arXiv ids are the response’s papers', async () => {
    const dir = scratchContent();
    await fetchInto(dir, ['--date', DAY]);
    const written = DAY_FILES.map((f) => parseEntry(readFileSync(join(dir, f), 'utf8'), f).data['arxiv']);
    expect(new Set(written)).toEqual(new Set(DAY_ARXIV));
  });
});

describe('an API that fails for a while', () => {
  it('after a 500, tries again and writes the day', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'status', status: 500 });
    const { status, err } = await fetchInto(dir, ['--date', DAY]);
    expect(status).toBe(0);
    expect(err).toContain('the API answered 500 Internal Server Error; trying again in');
    expect(datesAsked()).toEqual([DAY, DAY]);
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`]);
  });

  it('after a 429, waits the seconds its Retry-After asks, though its own backoff is shorter', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'status', status: 429, retryAfter: '1' });
    const { status } = await fetchInto(dir, ['--date', DAY], { CATALOGUE_FETCH_BACKOFF_MS: '10' });
    expect(status).toBe(0);
    expect(datesAsked()).toEqual([DAY, DAY]);
    expect(gaps(replay)[0]).toBeGreaterThanOrEqual(980);
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`]);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const dir = scratchContent();
    // HTTP dates have whole seconds: three seconds from now is at least two seconds away.
    replay.fail(DAY, { kind: 'status', status: 503, retryAfter: new Date(Date.now() + 3000).toUTCString() });
    const { status } = await fetchInto(dir, ['--date', DAY], { CATALOGUE_FETCH_BACKOFF_MS: '10', CATALOGUE_FETCH_MAX_WAIT_MS: '10000' });
    expect(status).toBe(0);
    // Less the time the answer took to arrive, on a loaded machine.
    expect(gaps(replay)[0]).toBeGreaterThanOrEqual(1000);
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`]);
  });

  it('times out a connection that never answers, and tries again', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'hang' });
    // Long enough for the retry to be answered in time on a loaded machine.
    const { status, err } = await fetchInto(dir, ['--date', DAY], { CATALOGUE_FETCH_TIMEOUT_MS: '1000' });
    expect(status).toBe(0);
    expect(err).toContain('no answer within 1 s; trying again');
    expect(datesAsked()).toEqual([DAY, DAY]);
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`]);
  });

  it('tries again when the connection drops halfway through the response', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'cut' });
    const { status, err } = await fetchInto(dir, ['--date', DAY]);
    expect(status).toBe(0);
    expect(err).toContain('the connection broke before the whole response came in; trying again');
    expect(datesAsked()).toEqual([DAY, DAY]);
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`]);
  });

  it('spaces every request, retries included, by CATALOGUE_FETCH_INTERVAL_MS', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'status', status: 502 });
    const { status } = await fetchInto(dir, ['--from', '2024-05-28', '--to', '2024-05-30'], {
      CATALOGUE_FETCH_INTERVAL_MS: '500',
      CATALOGUE_FETCH_BACKOFF_MS: '0',
    });
    expect(status).toBe(0);
    expect(datesAsked()).toEqual(['2024-05-28', DAY, DAY, '2024-05-30']);
    // The client spaces the requests as it sends them; the replay, in the same process, may take
    // one in late on a loaded machine, which shortens the gap after it but not the whole span.
    // Unspaced, each gap would be a few milliseconds.
    for (const gap of gaps(replay)) expect(gap).toBeGreaterThanOrEqual(250);
    expect(gaps(replay).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1350);
  });
});

describe('an API that stays down', () => {
  it('gives up after the last try with a plain message and exit 4, writes nothing, and asks for no later day', async () => {
    const dir = scratchContent();
    replay.fail(DAY, ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 503 })));
    const { status, err } = await fetchInto(dir, ['--from', DAY, '--to', '2024-05-30'], { CATALOGUE_FETCH_BACKOFF_MS: '100' });
    expect(status).toBe(4);
    expect(err).toContain(
      `the API answered 503 Service Unavailable for ${replay.url}/api/daily_papers?date=${DAY}, at the last of 3 tries`,
    );
    expect(err).toContain(`Nothing was fetched for ${DAY}, 2024-05-30; run the fetch again later.`);
    expect(err).not.toMatch(/\n\s+at /u);
    expect(datesAsked()).toEqual([DAY, DAY, DAY]);
    // Backoff doubles: 100 ms, then 200 ms.
    const [first = 0, second = 0] = gaps(replay);
    expect(first).toBeGreaterThanOrEqual(95);
    expect(second).toBeGreaterThanOrEqual(195);
    expect(contentFiles(dir)).toEqual([]);
  });

  it('gives up on a connection that always hangs', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'hang' }, { kind: 'hang' });
    const { status, err } = await fetchInto(dir, ['--date', DAY], { CATALOGUE_FETCH_TIMEOUT_MS: '200', CATALOGUE_FETCH_ATTEMPTS: '2' });
    expect(status).toBe(4);
    expect(err).toContain(`no answer within 200 ms for ${replay.url}/api/daily_papers?date=${DAY}, at the last of 2 tries`);
    expect(contentFiles(dir)).toEqual([]);
  });

  it('does not wait when Retry-After asks for longer than it is willing to, and asks only once', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'status', status: 429, retryAfter: '3600' });
    const started = performance.now();
    const { status, err } = await fetchInto(dir, ['--date', DAY], { CATALOGUE_FETCH_MAX_WAIT_MS: '10000' });
    expect(status).toBe(4);
    // Waiting even as long as it is willing to (10 s) would take longer.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(err).toContain('asks not to be asked again for 3600 s (Retry-After), longer than the 10 s this fetch waits');
    expect(datesAsked()).toEqual([DAY]);
    expect(contentFiles(dir)).toEqual([]);
  });

  it('says plainly when nothing listens at the address', async () => {
    const dir = scratchContent();
    const { status, err } = await fetchInto(dir, ['--date', DAY], { CATALOGUE_HF_API: `http://127.0.0.1:${await freePort()}` });
    expect(status).toBe(4);
    expect(err).toContain('the connection was refused for http://127.0.0.1:');
    expect(err).not.toMatch(/\n\s+at /u);
    expect(contentFiles(dir)).toEqual([]);
  });

  it('does not ask again after a 404: the address is wrong, and the message shows it', async () => {
    const dir = scratchContent();
    const { status, err } = await fetchInto(dir, ['--date', DAY], { CATALOGUE_HF_API: `${replay.url}/wrong` });
    expect(status).toBe(4);
    expect(err).toContain(
      `the API answered 404 Not Found for ${replay.url}/wrong/api/daily_papers?date=${DAY}; asking again would not change that`,
    );
    expect(err).toContain('check the address the fetch asks (CATALOGUE_HF_API)');
    expect(replay.requests).toHaveLength(1);
    expect(contentFiles(dir)).toEqual([]);
  });
});
