/**
 * How the catalogue's CLIs (ingest, fetch, update) end: with their command's status; a problem of
 * the machine (a read-only folder, a full disk) as a clear error and status 3; anything else, a bug
 * rather than bad input, as an internal error and status 2, with no stack trace unless DEBUG is set.
 */
import { EnvironmentError } from './ingest/commit.ts';

/** Exit status: all went in; something was refused; wrong usage (or a bug); the machine; the API (fetch). */
export const EXIT = { ok: 0, refused: 1, usage: 2, environment: 3, unavailable: 4 } as const;

export async function runCli(command: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await command();
  } catch (error) {
    if (error instanceof EnvironmentError) {
      console.error(`error: ${error.message}`);
      process.exitCode = EXIT.environment;
    } else {
      console.error(`internal error: ${(error as Error).message}`);
      if (process.env['DEBUG']) console.error((error as Error).stack);
      else console.error('run again with DEBUG=1 for details, and please report it');
      process.exitCode = EXIT.usage;
    }
  }
}
