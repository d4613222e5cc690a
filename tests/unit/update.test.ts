/**
 * `npm run update`: what the update workflow acts on. The commit message names the days and the
 * counts; the issue body lists what was refused, its untrusted text fenced; $GITHUB_OUTPUT says
 * whether to commit, open the issue and upload rejected responses.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../scripts/ingest/commit.ts';
import { updateCommand } from '../../scripts/update/command.ts';
import { startReplay, type Replay } from '../fixtures/hf-replay.ts';
import { capture, contentFiles, DAY, DAY_FILES, FAST, realResponse } from './fetch-helpers.ts';
import { scratchContent, scratchDir } from './helpers.ts';

let replay: Replay;
beforeEach(async () => {
  replay = await startReplay();
});
afterEach(async () => {
  await replay.close();
});

/** Runs the update into `dir`, as GitHub Actions would: with $GITHUB_OUTPUT and a run to link to. */
async function update(dir: string, args: string[], env: Record<string, string> = {}) {
  const report = scratchDir('report-');
  const outputFile = join(report, 'github-output');
  writeFileSync(outputFile, '');
  const { print } = capture();
  const status = await updateCommand(
    [...args, '--out', dir, '--report', report],
    {
      ...FAST,
      CATALOGUE_HF_API: replay.url,
      GITHUB_OUTPUT: outputFile,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'someone/their-catalogue',
      GITHUB_RUN_ID: '42',
      ...env,
    },
    print,
  );
  const read = (name: string): string | undefined =>
    existsSync(join(report, name)) ? readFileSync(join(report, name), 'utf8') : undefined;
  return { status, outputs: readFileSync(outputFile, 'utf8'), report, message: read('commit-message.txt'), issue: read('issue.md') };
}

describe('the update', () => {
  it('writes a commit message naming the day and the counts, and tells the workflow to commit', async () => {
    const dir = scratchContent();
    const { status, outputs, report, message, issue } = await update(dir, ['--from', '2024-05-28', '--to', '2024-05-30']);
    expect(status).toBe(0);
    expect(message).toBe(
      'Daily Papers 2024-05-29: 8 new, 0 updated\n\n' +
        '2024-05-28: no papers\n2024-05-29: 8 new, 0 updated, 0 unchanged\n2024-05-30: no papers\n\n' +
        'Fetched by npm run update.\n',
    );
    expect(outputs).toBe(`status=0\nchanged=true\nrefused=false\nrejected=false\ncommit_message=${report}/commit-message.txt\n`);
    expect(issue).toBeUndefined();
    expect(contentFiles(dir)).toEqual([...DAY_FILES, `sources/hf-daily-${DAY}.json`]);
  });

  it('run again, finds nothing to commit', async () => {
    const dir = scratchContent();
    await update(dir, ['--date', DAY]);
    const again = await update(dir, ['--date', DAY]);
    expect(again.status).toBe(0);
    expect(again.outputs).toBe('status=0\nchanged=false\nrefused=false\nrejected=false\n');
    expect(again.message).toBeUndefined();
  });

  it('names a newer response of a day it has, though no paper changed', async () => {
    const dir = scratchContent();
    await update(dir, ['--date', DAY]);
    // The API's upvote counts change during the day: the same papers, other bytes.
    replay.fail(DAY, {
      kind: 'body',
      body: realResponse(DAY)
        .toString('utf8')
        .replace(/"upvotes": \d+/gu, '"upvotes": 999'),
    });
    const { message, outputs } = await update(dir, ['--date', DAY]);
    expect(message?.split('\n')[0]).toBe('Daily Papers 2024-05-29: 0 new, 0 updated');
    expect(message).toContain('2024-05-29: 0 new, 0 updated, 8 unchanged; a newer response kept');
    expect(outputs).toContain('changed=true');
  });

  it('for a refused response: an issue body naming the day, the reason and the kept file; rejected=true; nothing to commit', async () => {
    const dir = scratchContent();
    // JSON.parse quotes the start of what it could not read: the reason holds text from the response.
    replay.fail(DAY, { kind: 'body', body: '~~~~ @everyone <img src=x>', contentType: 'text/html' });
    const { status, outputs, report, message, issue } = await update(dir, ['--date', DAY]);
    expect(status).toBe(1);
    expect(outputs).toBe(
      `status=1\nchanged=false\nrefused=true\nrejected=true\nissue_title=Daily Papers update: refused responses or papers\nissue_body=${report}/issue.md\n`,
    );
    expect(message).toBeUndefined();
    const [kept = ''] = contentFiles(dir);
    expect(kept).toMatch(/^sources\/rejected\/hf-daily-2024-05-29-[0-9a-f]{8}\.html$/u);
    expect(issue).toContain(
      'The daily update ([this run](https://github.com/someone/their-catalogue/actions/runs/42)) could not take everything',
    );
    expect(issue).toContain('### 2024-05-29: the response was refused');
    expect(issue).toContain(`${kept}\``);
    // The fence is longer than any run of ~ in the text, so the response cannot close it and render.
    expect(issue).toContain('~~~~~text\nthe response (served as text/html) cannot be read: this is not valid JSON');
    expect(issue).toMatch(/"~~~~ @ever".*\n~~~~~\n$/u);
  });

  it('for a refused paper: commits the others and lists it in the issue, with what to do', async () => {
    const dir = scratchContent();
    const items = JSON.parse(realResponse(DAY).toString('utf8')) as { paper: Record<string, unknown> }[];
    const title = 'Two \u202eStage';
    replay.fail(DAY, {
      kind: 'body',
      body: JSON.stringify(items.map((item, i) => (i === 1 ? { ...item, paper: { ...item.paper, title } } : item))),
    });
    const { status, outputs, message, issue } = await update(dir, ['--date', DAY]);
    expect(status).toBe(1);
    expect(outputs).toContain('changed=true\nrefused=true\nrejected=false\n');
    expect(message?.split('\n')[0]).toBe('Daily Papers 2024-05-29: 7 new, 0 updated, 1 refused');
    expect(issue).toContain('### 2024-05-29: 1 paper refused');
    expect(issue).toContain(`~~~text\n${replay.url}/api/daily_papers?date=2024-05-29 item 2 (arXiv 2405.18047): title: `);
    expect(issue).toContain('then run `npm run fetch -- --date 2024-05-29`');
  });

  it('when the API stays down: the fetch’s exit status 4 in the outputs, and nothing to commit', async () => {
    const dir = scratchContent();
    replay.fail(DAY, ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500 })));
    const { status, outputs, message } = await update(dir, ['--date', DAY]);
    expect(status).toBe(4);
    expect(outputs).toBe('status=4\nchanged=false\nrefused=false\nrejected=false\n');
    expect(message).toBeUndefined();
    expect(contentFiles(dir)).toEqual([]);
  });

  it('removes the report of an earlier run first, so a run that stops on a fault leaves none to act on', async () => {
    const dir = scratchContent();
    // sources/ is a file: keeping the refused response fails, an environment fault that throws.
    writeFileSync(join(dir, 'sources'), '');
    replay.fail(DAY, { kind: 'body', body: '<html>busy</html>', contentType: 'text/html' });
    const report = scratchDir('report-');
    mkdirSync(report, { recursive: true });
    writeFileSync(join(report, 'commit-message.txt'), 'Daily Papers 2024-05-28: 1 new, 0 updated\n');
    writeFileSync(join(report, 'issue.md'), 'an earlier run refused something\n');
    const { print } = capture();
    await expect(
      updateCommand(['--date', DAY, '--out', dir, '--report', report], { ...FAST, CATALOGUE_HF_API: replay.url }, print),
    ).rejects.toThrow(EnvironmentError);
    expect(existsSync(join(report, 'commit-message.txt'))).toBe(false);
    expect(existsSync(join(report, 'issue.md'))).toBe(false);
    expect(contentFiles(dir)).toEqual(['sources']);
  });
});
