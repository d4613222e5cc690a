/**
 * Build benchmark on a synthetic catalogue.
 *
 *   npm run bench -- --papers N[,N…] [--keep] [--add 100] [--no-rebuild] [--ingest-only] [--port N]
 *
 * For each N: writes N synthetic entries to a temporary folder (never content/), builds the whole
 * site from a clean state (Astro, preview images, related papers, Pagefind), edits one paper and
 * builds again with the caches, optionally adds more papers and builds again, and measures the
 * bytes of search queries in Chromium: "diffusion models" opened as a link and typed, and the
 * spread over a dozen more. First it ingests one real Daily Papers day (42 papers) into the N
 * papers, timed, as the daily update does. Prints the numbers; --keep leaves the folder for a look;
 * --ingest-only measures the ingest and builds nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bytesForQuery, type QueryBytes } from './bench/search.ts';
import { writeCorpus } from './bench/corpus.ts';
import { startPreview } from './preview.ts';

type Timings = Record<string, { ms: number; count: number }>;

/** Other queries a reader of these papers types, opened as links, for the spread of bytes per query. */
const MORE_QUERIES = [
  'scaling laws',
  'language models',
  'mixture of experts',
  'test-time compute',
  'vision transformer',
  'knowledge distillation',
  'continual learning',
  'learning rate',
  'model merging',
  'quantization',
  'training efficiency',
  'GPipe',
];

interface BuildResult {
  wallMs: number;
  peakRssBytes: number;
  timings: Timings;
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
function treeRss(root: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `astro build` on a content folder, timing it and sampling the memory of its process tree. */
function build(dir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const timingsFile = join(dir, 'timings.json');
  rmSync(timingsFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(dir, 'dist')], {
    env: {
      ...process.env,
      CATALOGUE_CONTENT: join(dir, 'content'),
      CATALOGUE_CACHE_DIR: join(dir, 'astro-cache'),
      CATALOGUE_ARTEFACT_CACHE: join(dir, 'artefact-cache'),
      CATALOGUE_TIMINGS: timingsFile,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid ?? 0))), 100);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`build failed (${code}):\n${stderr.slice(-3000)}`));
      const timings = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as Timings) : {};
      resolve({ wallMs: performance.now() - started, peakRssBytes: peak, timings });
    });
  });
}

function walk(dir: string): { path: string; size: number }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return stat.isDirectory() ? walk(path) : [{ path, size: stat.size }];
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const ms = (name: string, t: Timings): number => t[name]?.ms ?? 0;
/** Preview images drawn in a build, by the workers and on the page thread. */
const drawn = (t: Timings): number => (t['preview images (page thread)']?.count ?? 0) + (t['preview images (worker)']?.count ?? 0);

/** The real day the benchmark ingests: the largest kept Daily Papers API response. */
const DAY = 'content/sources/hf-daily-2025-05-30.json';

/** Runs the ingest CLI on one source into a content folder; its wall time and summary line. */
function ingest(content: string, source: string): Promise<{ ms: number; summary: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/ingest.ts', source, '--out', content], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the ingest failed (${code})`));
      resolve({ ms: performance.now() - started, summary: /\d+ new, .*$/mu.exec(out)?.[0] ?? '' });
    });
  });
}

async function benchmark(
  n: number,
  keep: boolean,
  add: number,
  rebuildToo: boolean,
  port: number,
  ingestOnly: boolean,
): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), `catalogue-bench-${n}-`));
  const ids = writeCorpus(join(dir, 'content'), n);
  const row: Record<string, string> = { papers: String(ids.length) };
  const first = await ingest(join(dir, 'content'), DAY);
  row['ingest one day (42 papers)'] = `${s(first.ms)} (${first.summary.replace(/ \(source.*$/u, '')})`;
  const again = await ingest(join(dir, 'content'), DAY);
  row['  the same day again'] = `${s(again.ms)} (${again.summary.replace(/ \(source.*$/u, '')})`;
  if (ingestOnly) {
    if (keep) row['kept in'] = dir;
    else rmSync(dir, { recursive: true, force: true });
    return row;
  }

  const full = await build(dir);
  const pagefindMs = ms('pagefind', full.timings);
  // Work besides page rendering and Pagefind on the build's critical path: images drawn on the
  // page thread (the worker's share runs alongside), related papers, feeds and exports.
  const imagesOnPageThread = ms('preview images (page thread)', full.timings);
  const imagesDrawn = drawn(full.timings);
  const extras = imagesOnPageThread + ms('related papers', full.timings) + ms('feeds and exports', full.timings);
  const files = walk(join(dir, 'dist'));
  const html = files.filter((f) => f.path.endsWith('.html'));
  const largest = html.reduce((a, b) => (b.size > a.size ? b : a), { path: '', size: 0 });
  row['full build'] = s(full.wallMs);
  row['  Astro (pages, images, feeds)'] = s(full.wallMs - pagefindMs);
  row['  Pagefind'] = s(pagefindMs);
  row['  preview images'] =
    `${imagesDrawn} drawn, ${s(imagesOnPageThread + ms('preview images (worker)', full.timings))} CPU (${s(imagesOnPageThread)} on the page thread)`;
  row['  related papers'] = s(ms('related papers', full.timings));
  row['  feeds and exports'] = s(ms('feeds and exports', full.timings));
  row['share outside rendering and Pagefind'] = `${((100 * extras) / full.wallMs).toFixed(0)} %`;
  row['peak RSS'] = mb(full.peakRssBytes);
  row['pages'] = String(html.length);
  row['pages per second'] = (html.length / ((full.wallMs - pagefindMs) / 1000)).toFixed(0);
  row['dist size'] = mb(files.reduce((a, f) => a + f.size, 0));
  row['Pagefind index'] = mb(walk(join(dir, 'dist', 'pagefind')).reduce((a, f) => a + f.size, 0));
  row['largest HTML page'] = `${kb(largest.size)} (${largest.path.replace(join(dir, 'dist'), '')})`;

  // Edit one paper's abstract and build again with the caches in place.
  if (rebuildToo) await rebuilds(dir, ids, add, row);
  const preview = await startPreview(join(dir, 'dist'), port);
  try {
    const query = await bytesForQuery(preview.url, 'diffusion models');
    row['one search query, as a link'] = `${kb(query.bytes)} as served, ${kb(query.gzipBytes)} with gzip (${query.requests} files)`;
    const typed = await bytesForQuery(preview.url, 'diffusion models', { typeDelayMs: 200 });
    row['  typed, 200 ms a key'] = `${kb(typed.bytes)} as served, ${kb(typed.gzipBytes)} with gzip (${typed.requests} files)`;
    const more: QueryBytes[] = [];
    for (const q of MORE_QUERIES) more.push(await bytesForQuery(preview.url, q));
    more.sort((a, b) => a.gzipBytes - b.gzipBytes);
    const worst = more.at(-1);
    const over = more.filter((q) => q.gzipBytes > 300 * 1024).length;
    row[`  ${more.length} more queries, with gzip`] =
      `median ${kb(more[Math.floor(more.length / 2)]?.gzipBytes ?? 0)}, largest ${kb(worst?.gzipBytes ?? 0)} (“${worst?.query ?? ''}”), ${over} over 300 KB`;
  } finally {
    await preview.stop();
  }
  if (keep) row['kept in'] = dir;
  else rmSync(dir, { recursive: true, force: true });
  return row;
}

async function rebuilds(dir: string, ids: string[], add: number, row: Record<string, string>): Promise<void> {
  const edited = join(dir, 'content', 'papers', `${ids[Math.floor(ids.length / 2)]}.mdx`);
  writeFileSync(edited, `${readFileSync(edited, 'utf8').trimEnd()} Edited for the benchmark.\n`);
  const rebuild = await build(dir);
  row['rebuild after editing one paper'] = `${s(rebuild.wallMs)} (${drawn(rebuild.timings)} images drawn)`;

  if (add > 0) {
    writeCorpus(join(dir, 'more'), ids.length + add);
    const more = readdirSync(join(dir, 'more', 'papers')).filter((f) => !existsSync(join(dir, 'content', 'papers', f)));
    for (const f of more.slice(0, add)) writeFileSync(join(dir, 'content', 'papers', f), readFileSync(join(dir, 'more', 'papers', f)));
    const grown = await build(dir);
    row[`rebuild after adding ${add} papers`] = `${s(grown.wallMs)} (${drawn(grown.timings)} images drawn)`;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '87' },
      keep: { type: 'boolean', default: false },
      add: { type: 'string', default: '0' },
      'no-rebuild': { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      'ingest-only': { type: 'boolean', default: false },
    },
  });
  const sizes = (values.papers ?? '87').split(',').map((v) => Number(v.trim()));
  if (sizes.some((v) => !Number.isInteger(v) || v < 1)) throw new Error('--papers takes whole numbers, e.g. --papers 87,1000,10000');
  console.log(`Benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${mb(totalmem())} RAM, Node ${process.version}\n`);
  const rows: Record<string, string>[] = [];
  for (const n of sizes) {
    console.error(`building ${n} papers…`);
    rows.push(
      await benchmark(
        n,
        values.keep ?? false,
        Number(values.add ?? 0),
        !values['no-rebuild'],
        Number(values.port),
        values['ingest-only'] ?? false,
      ),
    );
  }
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const width = Math.max(...keys.map((k) => k.length)) + 2;
  const col = Math.max(18, ...rows.flatMap((r) => Object.values(r).map((v) => v.length + 2)));
  for (const key of keys) console.log(key.padEnd(width) + rows.map((r) => (r[key] ?? '').padEnd(col)).join(''));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
