/**
 * `npm run update`: the fetch, then what the update workflow needs to act on it, as files and
 * step outputs, so the workflow holds no logic of its own. See scripts/update.ts.
 */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fetchCommand } from '../fetch/command.ts';
import { changedAny, refusedAny } from '../fetch/run.ts';
import type { Printer } from '../ingest/run.ts';
import { commitMessage, ISSUE_TITLE, issueBody } from './report.ts';

const COMMIT_MESSAGE = 'commit-message.txt';
const ISSUE_BODY = 'issue.md';

/** Takes `--report DIR` out of the arguments; the rest are the fetch's. */
function reportDirOf(argv: string[], env: NodeJS.ProcessEnv): { dir: string; rest: string[] } {
  const at = argv.indexOf('--report');
  const given = at >= 0 ? argv[at + 1] : undefined;
  const rest = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  return { dir: resolve(given ?? join(env['RUNNER_TEMP'] ?? tmpdir(), 'catalogue-update')), rest };
}

/** The URL of the workflow run, when running in GitHub Actions. */
function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const [server, repository, id] = [env['GITHUB_SERVER_URL'], env['GITHUB_REPOSITORY'], env['GITHUB_RUN_ID']];
  return server && repository && id ? `${server}/${repository}/actions/runs/${id}` : undefined;
}

/**
 * Runs the fetch and writes, in the report folder, the commit message (when the content changed)
 * and the issue body (when something was refused); appends the step outputs to $GITHUB_OUTPUT and
 * a summary to $GITHUB_STEP_SUMMARY when they are set. Returns the fetch's exit status.
 */
export async function updateCommand(argv: string[], env: NodeJS.ProcessEnv, print: Printer = console): Promise<number> {
  const { dir, rest } = reportDirOf(argv, env);
  // A report of an earlier run must not pass for this one's.
  rmSync(join(dir, COMMIT_MESSAGE), { force: true });
  rmSync(join(dir, ISSUE_BODY), { force: true });
  const { status, run } = await fetchCommand(rest, env, print);
  const changed = run !== undefined && changedAny(run);
  const refused = run !== undefined && refusedAny(run);
  const outputs: Record<string, string> = {
    status: String(status),
    changed: String(changed),
    refused: String(refused),
    rejected: String(run?.results.some((r) => r.kind === 'refused') ?? false),
  };
  mkdirSync(dir, { recursive: true });
  if (run && changed) {
    const message = commitMessage(run);
    writeFileSync(join(dir, COMMIT_MESSAGE), message);
    outputs['commit_message'] = join(dir, COMMIT_MESSAGE);
    print.log(`\ncommit message: ${join(dir, COMMIT_MESSAGE)}\n${message}`);
  }
  if (run && refused) {
    writeFileSync(join(dir, ISSUE_BODY), issueBody(run, runUrl(env)));
    outputs['issue_title'] = ISSUE_TITLE;
    outputs['issue_body'] = join(dir, ISSUE_BODY);
    print.log(`issue "${ISSUE_TITLE}": ${join(dir, ISSUE_BODY)}`);
  }
  if (!changed) print.log('\nthe content did not change: nothing to commit');
  const github = env['GITHUB_OUTPUT'];
  if (github)
    appendFileSync(
      github,
      Object.entries(outputs)
        .map(([key, value]) => `${key}=${value}\n`)
        .join(''),
    );
  const summary = env['GITHUB_STEP_SUMMARY'];
  if (summary && run)
    appendFileSync(
      summary,
      `${changed ? commitMessage(run) : 'The content did not change.\n'}${run.unavailable ? `\n**The API could not be used:** ${run.unavailable}\n` : ''}`,
    );
  return status;
}
