/**
 * Search benchmark on the real catalogue, in Chromium against the production build:
 *
 *   npm run bench:search [-- --dist dist --runs 5 --port N]
 *
 * Prints the time from the last keystroke to the first results on screen (the first query of a
 * page, which also fetches index chunks, and later ones), and the bytes one query fetches: index
 * chunks, fragments, filters, Pagefind's JS and its WebAssembly, both when the query is opened as
 * a link and when it is typed at a human pace (every pause also searches the words so far). Build
 * first (npm run build). Also prints the bytes a fresh browser fetches for the search page before
 * the first keystroke (the page, its assets, and what focusing the box loads), with --only-page
 * nothing else.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bytesBeforeFirstKeystroke, bytesForQuery, keystrokeToResults, type QueryBytes } from './bench/search.ts';
import { startPreview } from './preview.ts';

const QUERIES = ['diffusion', 'scaling laws', 'GPipe', 'quantization vision transformers', 'muP'];

const BYTES_QUERY = 'diffusion models';
const TYPING_MS = 200;

/** Prints the files and bytes of one query, by kind. */
function report(title: string, bytes: QueryBytes): void {
  console.log(
    `${title}: ${bytes.requests} files, ${(bytes.bytes / 1024).toFixed(1)} KB as served, ${(bytes.gzipBytes / 1024).toFixed(1)} KB with gzip on JS/JSON`,
  );
  const groups = new Map<string, number>();
  for (const f of bytes.files) {
    const kind = /pagefind(-worker)?\.js/u.test(f.url)
      ? 'JavaScript'
      : /wasm/u.test(f.url)
        ? 'WebAssembly'
        : /\/index\//u.test(f.url)
          ? 'index chunks'
          : /\/fragment\//u.test(f.url)
            ? 'fragments'
            : /\/filter\//u.test(f.url)
              ? 'filters'
              : 'metadata';
    groups.set(kind, (groups.get(kind) ?? 0) + f.bytes);
  }
  for (const [kind, size] of groups) console.log(`  ${kind.padEnd(13)} ${(size / 1024).toFixed(1).padStart(7)} KB`);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      runs: { type: 'string', default: '5' },
      port: { type: 'string', default: '0' },
      'only-page': { type: 'boolean', default: false },
    },
  });
  const dist = values.dist ?? 'dist';
  if (!existsSync(`${dist}/pagefind/pagefind.js`)) throw new Error(`no search index in ${dist}: run npm run build first`);
  const preview = await startPreview(dist, Number(values.port));
  const root = preview.url;
  try {
    const before = await bytesBeforeFirstKeystroke(root);
    console.log(
      `Search page before the first keystroke (loaded, box focused, network idle): ${(before.bytes / 1024).toFixed(1)} KB as served, ${(before.gzipBytes / 1024).toFixed(1)} KB with gzip on text`,
    );
    for (const [kind, e] of before.byKind) {
      console.log(
        `  ${kind.padEnd(16)} ${String(e.files).padStart(2)} files ${(e.bytes / 1024).toFixed(1).padStart(7)} KB ${(e.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzip`,
      );
    }
    if (values['only-page']) return;
    const runs = Number(values.runs ?? 5);
    const first: number[] = [];
    const later: number[] = [];
    for (let r = 0; r < runs; r++) {
      for (const result of await keystrokeToResults(root, QUERIES)) (result.first ? first : later).push(result.ms);
    }
    console.log(
      `Last keystroke to first results (${runs} runs of ${QUERIES.length} queries, typed one key every 40 ms; includes the 120 ms debounce):`,
    );
    console.log(`  first query of a page: median ${median(first)} ms, max ${Math.max(...first)} ms`);
    console.log(`  later queries:         median ${median(later)} ms, max ${Math.max(...later)} ms`);
    const link = await bytesForQuery(root, BYTES_QUERY);
    report(`\nOne query ("${BYTES_QUERY}") opened as a link, in a fresh browser`, link);
    const typed = await bytesForQuery(root, BYTES_QUERY, { typeDelayMs: TYPING_MS });
    report(`\nThe same query typed at ${TYPING_MS} ms a key (about 60 words a minute), in a fresh browser`, typed);
  } finally {
    await preview.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:search failed: ${(error as Error).message}`);
  process.exit(1);
});
