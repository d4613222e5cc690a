/**
 * Runs steps of the repository's workflows outside GitHub Actions, for the update's dry run: the
 * shell of a step as written in the YAML, under bash as the runner runs it, with the environment
 * the runner would give it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Step = { id?: string; name?: string; run?: string };
type Workflow = { jobs: Record<string, { steps?: Step[] }> };

/** The shell script of a step, found by its id or name. */
export function stepScript(root: string, workflow: string, job: string, step: string): string {
  const steps = (parse(readFileSync(join(root, '.github/workflows', workflow), 'utf8')) as Workflow).jobs[job]?.steps ?? [];
  const found = steps.find((s) => s.id === step || s.name === step);
  if (!found?.run) throw new Error(`${workflow} has no step "${step}" with a run script in the job "${job}"`);
  // The runner would paste an expression's value into the script, unquoted: the steps pass values through env instead.
  if (found.run.includes('${{')) throw new Error(`${workflow}, step "${step}": use env for expressions, not \${{ }} in the script`);
  return found.run;
}

export interface Ran {
  status: number | null;
  output: string;
}

/** Runs a command in `cwd` with `env`, without blocking this process (the API replay answers from it). */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}

/** Runs a step's script as the runner does: `bash --noprofile --norc -eo pipefail`. */
export const runScript = (script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> =>
  run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], cwd, env);

/** The key=value lines a step appended to its $GITHUB_OUTPUT file. */
export function readOutputs(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
