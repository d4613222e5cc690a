/** What the fetch and update tests share: the day they fetch, short waits, and looks at the disk. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Printer } from '../../scripts/ingest/run.ts';
import { keptResponse, type Replay } from '../fixtures/hf-replay.ts';
import { ROOT } from './helpers.ts';

/** The smallest kept API day: 8 papers, published in the catalogue under these files. */
export const DAY = '2024-05-29';
export const DAY_ARXIV = ['2405.18407', '2405.18047', '2405.18426', '2405.18386', '2405.17991', '2405.17976', '2405.18377', '2405.18424'];
export const DAY_FILES = [
  'papers/2bp-2-stage-backpropagation.mdx',
  'papers/3ditscene-editing-any-scene-via-language-guided-disentangled-gaussian-splatting.mdx',
  'papers/gflow-recovering-4d-world-from-monocular-video.mdx',
  'papers/instruct-musicgen-unlocking-text-to-music-editing-for-music-language-models-via.mdx',
  'papers/llama-nas-efficient-neural-architecture-search-for-large-language-models.mdx',
  'papers/phased-consistency-model.mdx',
  'papers/velora-memory-efficient-training-using-rank-1-sub-token-projections.mdx',
  'papers/yuan-2-0-m32-mixture-of-experts-with-attention-router.mdx',
];

/** Waits short enough for tests: 5 s timeout, 3 tries, 20 ms backoff, 3 s at most, no spacing. */
export const FAST = {
  CATALOGUE_FETCH_TIMEOUT_MS: '5000',
  CATALOGUE_FETCH_ATTEMPTS: '3',
  CATALOGUE_FETCH_BACKOFF_MS: '20',
  CATALOGUE_FETCH_MAX_WAIT_MS: '3000',
  CATALOGUE_FETCH_INTERVAL_MS: '0',
};

/** A response the replay serves for a day, as bytes. */
export function realResponse(day: string): Buffer {
  const bytes = keptResponse(day);
  if (!bytes) throw new Error(`no kept response for ${day}`);
  return bytes;
}

/** A printer that keeps what it is given: standard output and standard error lines. */
export function capture(): { lines: { out: string[]; err: string[] }; print: Printer } {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    print: { log: (line) => lines.out.push(line), warn: (line) => lines.err.push(line), error: (line) => lines.err.push(line) },
  };
}

/** Every file of a content root but the topics, sorted: what a fetch left, hidden files included. */
export function contentFiles(dir: string, sub = ''): string[] {
  if (!existsSync(join(dir, sub))) return [];
  return readdirSync(join(dir, sub), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (rel === 'topics') return [];
      return entry.isDirectory() ? contentFiles(dir, rel) : [rel];
    })
    .sort();
}

/** Milliseconds between the requests the replay received, in order. */
export const gaps = (replay: Replay): number[] => replay.requests.slice(1).map((r, i) => r.at - (replay.requests[i]?.at ?? 0));

/** A port nothing listens on: the system gives one, and it is closed again at once. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Runs a command in the project folder with `env` added, without blocking: the replay answers from
 * this very process, so a synchronous spawn would keep it from answering.
 */
export function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
