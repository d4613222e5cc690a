/**
 * A dry run of the update workflow (.github/workflows/update.yml), run by `npm test`: on a clean
 * clone of the last commit, with the API replayed on 127.0.0.1 (tests/fixtures/hf-replay.ts), the
 * scripts of its steps as the YAML writes them, in its order, pushing to a scratch repository
 * instead of GitHub; then the deploy's build (deploy.yml) and a link check of what it built.
 *
 *   node tests/update/dry-run.ts
 *
 * Stand-ins: the clone is the checkout; `npm ci` is a link to this checkout's node_modules;
 * Playwright's Chromium is not installed and `npm test` is not run, since this dry run is itself
 * part of `npm test` on the same commit; the issue step needs GitHub (`gh`), so its input is
 * checked instead. Uncommitted changes are not in the clone.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReplay } from '../fixtures/hf-replay.ts';
import { readOutputs, run, runScript, stepScript } from './workflow.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The day the clone is made to lack, as if it had not been fetched yet. */
const DAY = '2024-05-29';
const IDENTITY = ['-c', 'user.name=dry run', '-c', 'user.email=dry-run@example.invalid'];

const scratch = mkdtempSync(join(tmpdir(), 'catalogue-update-dry-run-'));
const work = join(scratch, 'work');
const origin = join(scratch, 'origin.git');
const replay = await startReplay();
let passed = 0;
let failed = 0;

/** Runs one check; a failing one prints what it saw, and the dry run goes on to the end. */
async function check(name: string, body: () => Promise<void> | void): Promise<void> {
  const started = performance.now();
  try {
    await body();
    passed += 1;
    console.log(`  ✓ ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed += 1;
    console.log(`  ✗ ${name}\n${String((error as Error).message).replace(/^/gmu, '      ')}`);
  }
}

function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function git(...args: string[]): Promise<string> {
  const ran = await run('git', args, work, process.env);
  if (ran.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${ran.output}`);
  return ran.output.trim();
}

/** The environment GitHub Actions would give a step: no variable of the run around this one leaks in. */
let outputsUsed = 0;
function stepEnv(extra: Record<string, string> = {}): { env: NodeJS.ProcessEnv; outputs: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|RUNNER_|CATALOGUE_)/u.test(k)));
  const outputs = join(scratch, `github-output-${(outputsUsed += 1)}`);
  writeFileSync(outputs, '');
  mkdirSync(join(scratch, 'runner'), { recursive: true });
  return {
    env: {
      ...env,
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: join(scratch, 'step-summary.md'),
      GITHUB_REF_NAME: 'main',
      RUNNER_TEMP: join(scratch, 'runner'),
      REPOSITORY_URL: 'https://github.com/someone/paper-catalogue',
      CATALOGUE_HF_API: replay.url,
      // The replay answers at once: short waits keep the faults quick.
      CATALOGUE_FETCH_BACKOFF_MS: '20',
      CATALOGUE_FETCH_INTERVAL_MS: '0',
      ...extra,
    },
    outputs,
  };
}

/** Runs the update step (`npm run update`) of update.yml; returns its outputs. */
async function updateStep(date: string): Promise<Record<string, string>> {
  const { env, outputs } = stepEnv({ DATE: date });
  const ran = await runScript(stepScript(ROOT, 'update.yml', 'update', 'update'), work, env);
  const read = readOutputs(outputs);
  if (String(ran.status) !== read['status']) throw new Error(`exit status ${ran.status}, but status=${read['status']}:\n${ran.output}`);
  return read;
}

console.log(`update workflow dry run in ${scratch}`);
let original = '';
try {
  await check('a clean clone of the last commit, lacking one day, with a scratch repository as origin', async () => {
    const cloned = await run('git', ['clone', '--quiet', ROOT, work], scratch, process.env);
    if (cloned.status !== 0) throw new Error(cloned.output);
    original = await git('rev-parse', 'HEAD');
    const ofDay = readdirSync(join(work, 'content/papers')).filter((f) =>
      readFileSync(join(work, 'content/papers', f), 'utf8').includes(`listing: "hf-daily-${DAY}"`),
    );
    expectEqual(ofDay.length, 8, `papers of ${DAY}`);
    await git('rm', '--quiet', `content/sources/hf-daily-${DAY}.json`, ...ofDay.map((f) => `content/papers/${f}`));
    await git(...IDENTITY, 'commit', '--quiet', '-m', `dry run: as if ${DAY} had not been fetched`);
    await run('git', ['init', '--quiet', '--bare', origin], scratch, process.env);
    await git('remote', 'set-url', 'origin', origin);
    await git('push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
    // .gitignore's node_modules/ matches folders only, not this link; `npm ci` would make a folder.
    writeFileSync(join(work, '.git/info/exclude'), 'node_modules\n', { flag: 'a' });
  });

  await check(`the update step fetches ${DAY}: changed, and the entries are exactly the committed ones`, async () => {
    const outputs = await updateStep(DAY);
    expectEqual(
      outputs,
      {
        status: '0',
        changed: 'true',
        refused: 'false',
        rejected: 'false',
        commit_message: join(scratch, 'runner/update/commit-message.txt'),
      },
      'outputs',
    );
    expectEqual(readFileSync(outputs['commit_message'] ?? '', 'utf8').split('\n')[0], `Daily Papers ${DAY}: 8 new, 0 updated`, 'subject');
    const status = (await git('status', '--porcelain', '--untracked-files=all')).split('\n');
    expectEqual(status.length, 9, 'files new to git (the 8 papers and the kept response)');
    if (!status.every((line) => line.startsWith('?? content/'))) throw new Error(`git status:\n${status.join('\n')}`);
  });

  await check('the commit step commits the entries and pushes them, and says so in its outputs', async () => {
    const message = join(scratch, 'runner/update/commit-message.txt');
    const { env, outputs } = stepEnv({ MESSAGE: message });
    const ran = await runScript(stepScript(ROOT, 'update.yml', 'update', 'commit'), work, env);
    if (ran.status !== 0) throw new Error(ran.output);
    const head = await git('rev-parse', 'HEAD');
    expectEqual(readOutputs(outputs), { pushed: 'true', sha: head }, 'outputs');
    expectEqual(await git('rev-parse', 'origin/main'), head, "the scratch origin's main");
    expectEqual(`${await git('log', '-1', '--format=%B')}\n`, readFileSync(message, 'utf8').replace(/\n+$/u, '\n'), 'the commit message');
    expectEqual(await git('log', '-1', '--format=%an'), 'github-actions[bot]', 'the author');
    expectEqual(await git('diff', '--stat', original, 'HEAD', '--', 'content'), '', 'the content against the original commit');
  });

  await check('the next run finds nothing to commit', async () => {
    expectEqual(await updateStep(DAY), { status: '0', changed: 'false', refused: 'false', rejected: 'false' }, 'outputs');
    expectEqual(await git('status', '--porcelain', '--untracked-files=all'), '', 'git status');
  });

  await check('a refused response: the issue body and the kept response exist, and git sees nothing to commit', async () => {
    replay.fail(DAY, { kind: 'body', body: '<!DOCTYPE html><title>502</title>', contentType: 'text/html' });
    const outputs = await updateStep(DAY);
    expectEqual(
      [outputs['status'], outputs['changed'], outputs['refused'], outputs['rejected']],
      ['1', 'false', 'true', 'true'],
      'outputs',
    );
    if (!readFileSync(outputs['issue_body'] ?? '', 'utf8').includes(`### ${DAY}: the response was refused`)) throw new Error('issue body');
    expectEqual(readdirSync(join(work, 'content/sources/rejected')).length, 1, 'files kept in content/sources/rejected/ (the artifact)');
    expectEqual(await git('status', '--porcelain', '--untracked-files=all'), '', 'git status');
  });

  await check('an API that stays down: status 4, and the last step fails the run', async () => {
    replay.fail(DAY, ...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503 })));
    const outputs = await updateStep(DAY);
    expectEqual([outputs['status'], outputs['changed']], ['4', 'false'], 'outputs');
    const { env } = stepEnv({ STATUS: outputs['status'] ?? '' });
    const ran = await runScript(stepScript(ROOT, 'update.yml', 'update', 'Fail when the API could not be used'), work, env);
    expectEqual(ran.status, 1, 'exit status of the last step');
    if (!ran.output.startsWith('::error::npm run update ended with exit status 4')) throw new Error(ran.output);
  });

  await check(
    'the deploy builds the pushed commit for a project site (configure-pages: origin and base_path), and every link holds',
    async () => {
      const { env } = stepEnv({
        SITE_URL: 'https://someone.github.io',
        BASE_PATH: '/paper-catalogue',
        // Its own Astro cache: the checkout's node_modules is shared through the link.
        CATALOGUE_CACHE_DIR: join(scratch, 'astro-cache'),
      });
      const built = await runScript(stepScript(ROOT, 'deploy.yml', 'build', 'Build'), work, env);
      if (built.status !== 0) throw new Error(built.output.slice(-4000));
      for (const file of ['index.html', '404.html', 'pagefind/pagefind.js', '_headers'])
        if (!existsSync(join(work, 'dist', file))) throw new Error(`dist/${file} is missing`);
      const links = await run(
        process.execPath,
        ['scripts/check-links.ts', 'dist', '--base', '/paper-catalogue/', '--site', 'https://someone.github.io'],
        work,
        env,
      );
      if (links.status !== 0) throw new Error(links.output.slice(-4000));
    },
  );
} finally {
  await replay.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`update dry run: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
