/**
 * Responses the fetch must not take: not the expected JSON at all, or JSON whose shape or field
 * types changed. Each is refused whole, kept byte for byte under sources/rejected/ (git-ignored) for
 * someone to look at, and writes no entry. A paper the ingest refuses (not the response) leaves the
 * others written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchCommand } from '../../scripts/fetch/command.ts';
import { startReplay, type Fault, type Replay } from '../fixtures/hf-replay.ts';
import { capture, contentFiles, DAY, DAY_FILES, FAST, realResponse } from './fetch-helpers.ts';
import { scratchContent } from './helpers.ts';

let replay: Replay;
beforeEach(async () => {
  replay = await startReplay();
});
afterEach(async () => {
  await replay.close();
});

async function fetchInto(dir: string, args: string[]) {
  const { lines, print } = capture();
  const outcome = await fetchCommand([...args, '--out', dir], { ...FAST, CATALOGUE_HF_API: replay.url }, print);
  return { status: outcome.status, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

type Item = { paper: Record<string, unknown> };
/** The day's real response with `change` made to its items, as JSON text. */
function changed(change: (items: Item[]) => unknown): string {
  return JSON.stringify(change(JSON.parse(realResponse(DAY).toString('utf8')) as Item[]));
}

const HTML = '<!DOCTYPE html><html><head><title>Hugging Face – 503</title></head><body><h1>We are down for maintenance</h1></body></html>';

const CASES: { name: string; body: string | Buffer; contentType?: string; extension: string; says: string[] }[] = [
  {
    name: 'JSON cut off halfway',
    body: realResponse(DAY).subarray(0, 5000),
    extension: 'json',
    says: ['the response (served as application/json; charset=utf-8) cannot be read: this is not valid JSON'],
  },
  {
    name: 'an HTML error page with status 200',
    body: HTML,
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    says: ['the response (served as text/html; charset=utf-8) cannot be read: this is not valid JSON', 'an error page?'],
  },
  {
    name: 'a field whose type changed (authors as one string) in one item of eight',
    body: changed((items) =>
      items.map((item, i) => (i === 2 ? { ...item, paper: { ...item.paper, authors: 'Ada Lovelace, Alan Turing' } } : item)),
    ),
    extension: 'json',
    says: ['1 of its 8 items do not have the fields the catalogue reads', 'item 3: paper.authors:'],
  },
  {
    name: 'a changed shape (the papers inside an object)',
    body: changed((items) => ({ papers: items })),
    extension: 'json',
    says: ['expected a JSON array of papers, as the Daily Papers API returns, but found an object with the keys papers'],
  },
];

describe('a response that is not what the catalogue reads', () => {
  it.each(CASES)('is refused whole and kept aside, writing no entry: $name', async ({ body, contentType, extension, says }) => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'body', body, ...(contentType ? { contentType } : {}) } as Fault);
    const { status, err } = await fetchInto(dir, ['--date', DAY]);
    expect(status).toBe(1);
    expect(err).toContain(`refused: ${DAY}: `);
    for (const words of says) expect(err).toContain(words);
    expect(err).toContain(`nothing was written for ${DAY}; the response is kept as `);
    const files = contentFiles(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^sources/rejected/hf-daily-${DAY}-[0-9a-f]{8}\\.${extension}$`, 'u'));
    expect(readFileSync(join(dir, files[0] ?? '')).equals(Buffer.from(body))).toBe(true);
  });

  it('keeps one file for the same bad response refused twice, and takes the day once the API serves it right', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'body', body: HTML, contentType: 'text/html' }, { kind: 'body', body: HTML, contentType: 'text/html' });
    expect((await fetchInto(dir, ['--date', DAY])).status).toBe(1);
    expect((await fetchInto(dir, ['--date', DAY])).status).toBe(1);
    const [rejected] = contentFiles(dir);
    expect(contentFiles(dir)).toEqual([rejected]);
    expect((await fetchInto(dir, ['--date', DAY])).status).toBe(0);
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`, rejected]);
  });

  it('does not stop the days after it', async () => {
    const dir = scratchContent();
    replay.fail(DAY, { kind: 'body', body: HTML, contentType: 'text/html' });
    const { status, out } = await fetchInto(dir, ['--from', DAY, '--to', '2024-05-30']);
    expect(status).toBe(1);
    expect(replay.requests.map((r) => r.date)).toEqual([DAY, '2024-05-30']);
    expect(out).toContain(`fetched ${DAY}: response refused; 2024-05-30: no papers`);
  });
});

describe('a paper the ingest refuses in a good response', () => {
  it('is named with its item and field; the other papers and the response are written, and the exit status is 1', async () => {
    const dir = scratchContent();
    // U+202E can show text in another order than it is stored: the ingest refuses it.
    const body = changed((items) =>
      items.map((item, i) => (i === 1 ? { ...item, paper: { ...item.paper, title: 'Two \u202eStage' } } : item)),
    );
    replay.fail(DAY, { kind: 'body', body });
    const { status, err, out } = await fetchInto(dir, ['--date', DAY]);
    expect(status).toBe(1);
    expect(err).toContain(
      `refused: ${replay.url}/api/daily_papers?date=${DAY} item 2 (arXiv 2405.18047): title: the title contains the bidirectional control U+202E`,
    );
    expect(out).toContain(`fetched ${DAY}: 7 new, 0 updated, 0 unchanged, 1 refused`);
    expect(contentFiles(dir)).toEqual([...DAY_FILES.filter((f) => !f.includes('2bp-2-stage')), `sources/hf-daily-${DAY}.json`]);
    expect(readFileSync(join(dir, `sources/hf-daily-${DAY}.json`), 'utf8')).toBe(body);
  });
});
