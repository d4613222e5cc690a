import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const SEED = join(ROOT, 'content/sources/daily-papers-aug-5.txt');
export const seedText = (): string => readFileSync(SEED, 'utf8');
/**
 * The days of real Daily Papers API responses kept in content/sources/ (copies, byte for byte, of
 * the shared folder's hf-api/ files: the ingest keeps every source it reads).
 */
export const HF_DAYS = ['2024-05-29', '2024-09-12', '2025-02-07', '2025-05-30', '2025-09-15', '2026-01-06', '2026-04-28', '2026-08-20'];
export const hfApiFile = (day: string): string => join(ROOT, 'content/sources', `hf-daily-${day}.json`);

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

/** A scratch content root with a copy of the topic vocabulary and, optionally, the papers and sources. */
export function scratchContent(withPapers = false): string {
  const dir = scratchDir('catalogue-test-');
  cpSync(join(ROOT, 'content/topics'), join(dir, 'topics'), { recursive: true });
  if (withPapers) {
    cpSync(join(ROOT, 'content/papers'), join(dir, 'papers'), { recursive: true });
    cpSync(join(ROOT, 'content/sources'), join(dir, 'sources'), { recursive: true });
  }
  return dir;
}
