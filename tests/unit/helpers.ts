import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { parseListing } from '../../scripts/ingest/parse.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const SEED = join(ROOT, 'content/sources/daily-papers-aug-5.txt');
export const seedText = (): string => readFileSync(SEED, 'utf8');
export const seedListing = () => parseListing(seedText());

const scratchDirs: string[] = [];
// Registered in each test file that imports this module; removes that file's scratch folders.
afterAll(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, removed when the test file ends. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** A scratch content root with a copy of the topic vocabulary and, optionally, the papers. */
export function scratchContent(withPapers = false): string {
  const dir = scratchDir('catalogue-test-');
  cpSync(join(ROOT, 'content/topics'), join(dir, 'topics'), { recursive: true });
  if (withPapers) {
    cpSync(join(ROOT, 'content/papers'), join(dir, 'papers'), { recursive: true });
    cpSync(join(ROOT, 'content/sources'), join(dir, 'sources'), { recursive: true });
  }
  return dir;
}
