/**
 * The daily update (.github/workflows/update.yml runs it): `npm run fetch`, then what the workflow
 * needs to commit the new entries and report what was refused.
 *
 *   npm run update -- [the fetch's options] [--report DIR]
 *
 * Writes in DIR (default: $RUNNER_TEMP/catalogue-update, or the system's temporary folder):
 * commit-message.txt when the content changed (a subject naming the days and the counts) and
 * issue.md when a response or a paper was refused. In GitHub Actions it appends to
 * $GITHUB_OUTPUT: status (the fetch's exit status), changed, refused, rejected (a refused response
 * was kept in content/sources/rejected/), commit_message, issue_title and issue_body (file paths),
 * and a summary to $GITHUB_STEP_SUMMARY. Exit status: the fetch's (see scripts/fetch.ts).
 */
import { runCli } from './cli.ts';
import { updateCommand } from './update/command.ts';

await runCli(() => updateCommand(process.argv.slice(2), process.env));
