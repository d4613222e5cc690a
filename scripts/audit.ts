/**
 * Lighthouse on the production build: home, a topic page, a paper page without and one with its
 * arXiv metadata, search with results, and the reading list.
 * Prints the four category scores for each page (mobile, simulated throttling: Lighthouse's
 * defaults). Run through `npm run audit`, which builds first.
 *
 *   node scripts/audit.ts [--dist dist] [--port N]
 *
 * Uses the Chromium that scripts/chromium.ts finds.
 */
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
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

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, port: { type: 'string', default: '0' } } });
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
    console.log(['page'.padEnd(8), ...CATEGORIES.map((c) => c.padStart(15))].join(''));
    for (const [name, path] of PAGES) {
      const result = await lighthouse(`${root}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      const scores = CATEGORIES.map((c) => result?.lhr.categories[c]?.score ?? 0);
      failed += scores.filter((s) => s < TARGET).length;
      console.log([name.padEnd(8), ...scores.map((s) => s.toFixed(2).padStart(15))].join(''));
      for (const category of CATEGORIES) {
        const audits = result?.lhr.categories[category]?.auditRefs ?? [];
        for (const ref of audits) {
          const audit = result?.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
            console.log(`           ${category}: ${audit.title} (${audit.score})`);
        }
      }
    }
  } finally {
    chrome.kill();
    await preview.stop();
  }
  console.log(failed === 0 ? `\nAll scores are at least ${TARGET}.` : `\n${failed} score(s) below ${TARGET}.`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit failed: ${(error as Error).message}`);
    process.exit(2);
  },
);
