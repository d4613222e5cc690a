/**
 * The GitHub Actions workflows: valid (checked with action-validator against the published
 * workflow schema), every action pinned to a full commit SHA with its version beside it, and the
 * update running the npm scripts its dry run (tests/update/dry-run.ts) follows, in that order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers.ts';

const DIR = join(ROOT, '.github/workflows');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/u.test(f));
const text = (file: string): string => readFileSync(join(DIR, file), 'utf8');

type Step = { uses?: string; run?: string; with?: Record<string, string> };
type Job = { steps?: Step[]; uses?: string; with?: Record<string, string> };
const jobs = (file: string): Record<string, Job> => (parse(text(file)) as { jobs: Record<string, Job> }).jobs;

/** The npm commands a job runs, in order (`npm ci`, `npm test`, `npm run x`), each at the start of a line. */
const npmCommands = (job: Job): string[] =>
  (job.steps ?? []).flatMap((s) => [...(s.run ?? '').matchAll(/^\s*npm (ci|test|run [\w:-]+)/gmu)].map((m) => `npm ${m[1] ?? ''}`));

describe('the workflows', () => {
  it('are the three the README describes', () => {
    expect(FILES.sort()).toEqual(['ci.yml', 'deploy.yml', 'update.yml']);
  });

  it.each(FILES)('%s is a valid workflow', (file) => {
    expect(validateWorkflow(text(file)).errors).toEqual([]);
  });

  it('are checked by a validator that finds a broken one', () => {
    const broken =
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout\n        run: npm test\n';
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });

  it.each(FILES)('%s pins every action to a full commit SHA, with its version in a comment', (file) => {
    const uses = text(file)
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/u.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      if (/uses: \.\/\.github\/workflows\/[\w-]+\.yml$/u.test(line)) continue;
      expect(line).toMatch(/uses: [\w-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/u);
    }
  });

  it('CI runs npm ci and npm test, with Node from .nvmrc and Playwright’s Chromium', () => {
    const { test } = jobs('ci.yml');
    expect(npmCommands(test ?? {})).toEqual(['npm ci', 'npm test']);
    expect(test?.steps?.some((s) => s.run === 'npx playwright install --with-deps chromium')).toBe(true);
    expect(test?.steps?.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version-file']).toBe('.nvmrc');
  });

  it('the update runs npm ci, npm run update and npm test, then deploys the commit it pushed with the deploy workflow', () => {
    const { update, deploy } = jobs('update.yml');
    expect(npmCommands(update ?? {})).toEqual(['npm ci', 'npm run update', 'npm test']);
    expect(deploy?.uses).toBe('./.github/workflows/deploy.yml');
    expect(deploy?.with?.['ref']).toBe('${{ needs.update.outputs.sha }}');
    expect(npmCommands(jobs('deploy.yml')['build'] ?? {})).toEqual(['npm ci', 'npm run build']);
  });
});
