/**
 * Lighthouse on the production build: home, a topic page, a paper page without and one with its
 * arXiv metadata, search with results, and the reading list.
 * Prints the four category scores for each page (mobile, simulated throttling: Lighthouse's
 * defaults). Run through `npm run audit`, which builds first. Scores vary from run to run (a
 * search page's blocking time most); with --runs N each page is audited N times and the median
 * is printed and held to the target, as Lighthouse's own guidance on variability advises, with
 * the lowest run beside it.
 *
 *   node scripts/audit.ts [--dist dist] [--port N] [--runs N]
 *
 * Uses the Chromium that scripts/chromium.ts finds.
 */
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type Result from 'lighthouse/types/lhr/lhr.js';
import { chromiumExecutable, QUIET_FLAGS } from './chromium.ts';
import { startPreview } from './preview.ts';

const PAGES: [string, string][] = [
  ['home', ''],
  ['topic', 'topics/scaling-laws/'],
  ['paper', 'papers/scaling-law-with-learning-rate-annealing/'],
  ['paper (arXiv)', 'papers/beyond-prompt-content-enhancing-llm-performance-via-content-format-integrated/'],
  ['reading list', 'reading-list/'],
  ['search', 'search/?q=scaling+laws'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET = 0.98;

/** The middle value (the lower of the two middle ones for an even count). */
const median = (values: number[]): number => values.toSorted((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: 'dist' }, port: { type: 'string', default: '0' }, runs: { type: 'string', default: '1' } },
  });
  const runs = Math.max(1, Number(values.runs) || 1);
  const preview = await startPreview(values.dist, Number(values.port));
  const root = preview.url;
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumExecutable(),
    chromeFlags: ['--headless=new', '--no-sandbox', ...QUIET_FLAGS],
  });
  let failed = 0;
  try {
    console.log(
      `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${chromiumExecutable()}, target ${TARGET} in every category\n`,
    );
    const width = Math.max(...PAGES.map(([name]) => name.length)) + 2;
    console.log(['page'.padEnd(width), ...CATEGORIES.map((c) => c.padStart(15))].join(''));
    for (const [name, path] of PAGES) {
      const results: Result[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${root}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (result) results.push(result.lhr);
      }
      const scores = CATEGORIES.map((c) => median(results.map((lhr) => lhr.categories[c]?.score ?? 0)));
      const lowest = CATEGORIES.map((c) => Math.min(...results.map((lhr) => lhr.categories[c]?.score ?? 0)));
      failed += scores.filter((s) => s < TARGET).length;
      console.log(
        [name.padEnd(width), ...scores.map((s, i) => `${s.toFixed(2)}${runs > 1 ? ` (${lowest[i]?.toFixed(2)})` : ''}`.padStart(15))].join(
          '',
        ),
      );
      // What kept the median run's scores below 1.
      const lhr = results.toSorted((a, b) => (a.categories['performance']?.score ?? 0) - (b.categories['performance']?.score ?? 0))[
        Math.floor(results.length / 2)
      ];
      for (const category of CATEGORIES) {
        for (const ref of lhr?.categories[category]?.auditRefs ?? []) {
          const audit = lhr?.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
            console.log(`           ${category}: ${audit.title} (${audit.score})`);
        }
      }
    }
  } finally {
    chrome.kill();
    await preview.stop();
  }
  const what = runs > 1 ? `median scores of ${runs} runs (lowest run in brackets)` : 'scores';
  console.log(failed === 0 ? `\nAll ${what} are at least ${TARGET}.` : `\n${failed} ${what} below ${TARGET}.`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit failed: ${(error as Error).message}`);
    process.exit(2);
  },
);
