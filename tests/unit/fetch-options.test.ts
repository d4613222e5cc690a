/** The fetch's days, its reading of Retry-After, and its answers to wrong usage (before any request). */
import { describe, expect, it } from 'vitest';
import { fetchCommand } from '../../scripts/fetch/command.ts';
import { daysOf } from '../../scripts/fetch/days.ts';
import { retryAfterMs } from '../../scripts/fetch/http.ts';
import { capture, freePort } from './fetch-helpers.ts';
import { scratchContent, scratchDir } from './helpers.ts';

describe('the days a fetch asks for', () => {
  it('are yesterday and today in UTC by default, across a month’s end', () => {
    expect(daysOf({}, new Date('2026-03-01T00:30:00Z'))).toEqual(['2026-02-28', '2026-03-01']);
    expect(daysOf({}, new Date('2024-12-31T23:59:00-05:00'))).toEqual(['2024-12-31', '2025-01-01']);
  });

  it('are every day of --from/--to, a leap day included; --to defaults to today', () => {
    expect(daysOf({ from: '2024-02-28', to: '2024-03-01' })).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysOf({ from: '2026-11-29' }, new Date('2026-12-01T10:00:00Z'))).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(daysOf({ date: '2025-05-30' })).toEqual(['2025-05-30']);
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2026, 9, 21, 7, 27, 30);
  it('is read as seconds or as an HTTP date, a date in the past meaning now', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
  });

  it('is ignored when absent or unreadable', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});

describe('wrong usage', () => {
  const cases: [string[], Record<string, string>, string][] = [
    [['--date', '2025-02-30'], {}, '--date must be a day such as 2025-05-30 (YYYY-MM-DD), not "2025-02-30"'],
    [['--date', '30/05/2025'], {}, '--date must be a day such as 2025-05-30 (YYYY-MM-DD), not "30/05/2025"'],
    [['--from', '2025-06-02', '--to', '2025-06-01'], {}, '--to (2025-06-01) is before --from (2025-06-02)'],
    [['--from', '2024-01-01', '--to', '2025-06-01'], {}, '--from 2024-01-01 --to 2025-06-01 is 518 days; fetch at most 366 at a time'],
    [['--date', '2025-05-30', '--from', '2025-05-29'], {}, 'give either --date or --from/--to, not both'],
    [['--to', '2025-05-30'], {}, '--to needs --from: the first day of the range'],
    [['--day', '2025-05-30'], {}, "Unknown option '--day'"],
    [['--date', '2025-05-30'], { CATALOGUE_FETCH_ATTEMPTS: '0' }, 'CATALOGUE_FETCH_ATTEMPTS must be a whole number of at least 1, not "0"'],
    [
      ['--date', '2025-05-30'],
      { CATALOGUE_FETCH_TIMEOUT_MS: '2s' },
      'CATALOGUE_FETCH_TIMEOUT_MS must be a whole number of at least 1, not "2s"',
    ],
    [
      ['--date', '2025-05-30'],
      { CATALOGUE_HF_API: 'huggingface.co' },
      'CATALOGUE_HF_API must be an http(s) URL such as https://huggingface.co, not "huggingface.co"',
    ],
  ];

  it.each(cases)('%j %j: exit 2 and says what to type, before asking the API anything', async (args, env, message) => {
    const { lines, print } = capture();
    // Nothing listens there: a request would fail with another message and exit status.
    const api = `http://127.0.0.1:${await freePort()}`;
    const { status } = await fetchCommand([...args, '--out', scratchContent()], { CATALOGUE_HF_API: api, ...env }, print);
    expect(status).toBe(2);
    expect(lines.err.join('\n')).toContain(message);
    expect(lines.err.join('\n')).toContain('usage: npm run fetch -- [--date YYYY-MM-DD | --from YYYY-MM-DD [--to YYYY-MM-DD]] [--out DIR]');
  });

  it('names a folder that is not a content root, with exit 3', async () => {
    const { lines, print } = capture();
    const dir = scratchDir('not-content-');
    const { status } = await fetchCommand(['--date', '2025-05-30', '--out', dir], {}, print);
    expect(status).toBe(3);
    expect(lines.err.join('\n')).toMatch(
      /is not a content root: it has no topics\/ folder\. Run the fetch from the project folder, or pass --out/u,
    );
  });
});
