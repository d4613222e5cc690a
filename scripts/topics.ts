/**
 * Helps curate the topic vocabulary.
 *
 *   npm run topics -- suggest [--out DIR] [--limit N]   phrases the papers awaiting a topic share
 *   npm run topics -- coverage [--out DIR]               how many papers await a topic, per source
 *
 * `suggest` counts the words and phrases (up to three words, compared by stem) of the titles,
 * abstracts and keywords of the papers that have no topic, and lists those that most of them share
 * and that are rare in the rest of the catalogue, with how many papers hold each and a few of their
 * titles: a phrase that recurs is a rule to add to a topic's `match` list, or a new topic.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { texToText } from '../src/lib/math.ts';
import { fromMdxBody } from '../src/lib/mdx.ts';
import { spellingStem } from '../src/lib/spellings.ts';
import { STOP_WORDS, words } from '../src/lib/words.ts';
import { parseEntry } from './ingest/entry.ts';

interface Paper {
  id: string;
  title: string;
  text: string;
  topics: string[];
  sources: string[];
}

function loadPapers(contentDir: string): Paper[] {
  const dir = join(contentDir, 'papers');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const { data, body } = parseEntry(readFileSync(join(dir, f), 'utf8'), f);
      const title = texToText(String(data['title'] ?? ''));
      const keywords = Array.isArray(data['keywords']) ? (data['keywords'] as string[]).join('. ') : '';
      return {
        id: String(data['id'] ?? f),
        title,
        text: `${title}. ${title}. ${texToText(fromMdxBody(body))}. ${keywords}`,
        topics: Array.isArray(data['topics']) ? (data['topics'] as string[]) : [],
        sources: Array.isArray(data['sources']) ? (data['sources'] as { listing: string }[]).map((s) => s.listing) : [],
      };
    });
}

/** The phrases (1 to 3 content words, no stop word at either end) of a text, by stem, with a surface form. */
function phrases(text: string): Map<string, string> {
  const found = new Map<string, string>();
  // Sentences and clauses bound phrases.
  for (const clause of text.split(/[.;:!?()[\]]+/u)) {
    const ws = words(clause);
    for (let i = 0; i < ws.length; i++) {
      for (let n = 1; n <= 3 && i + n <= ws.length; n++) {
        const part = ws.slice(i, i + n);
        const first = part[0] ?? '';
        const last = part.at(-1) ?? '';
        if (STOP_WORDS.has(first) || STOP_WORDS.has(last) || part.some((w) => w.length < 2 || /^\d+$/u.test(w))) continue;
        const key = part.map(spellingStem).join(' ');
        if (!found.has(key)) found.set(key, part.join(' '));
      }
    }
  }
  return found;
}

function suggest(papers: Paper[], limit: number): void {
  const waiting = papers.filter((p) => p.topics.length === 0);
  if (waiting.length === 0) {
    console.log('Every paper has a topic: nothing to suggest.');
    return;
  }
  const df = new Map<string, number>();
  for (const p of papers) for (const key of phrases(p.text).keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const holders = new Map<string, { surface: Map<string, number>; papers: Paper[] }>();
  for (const p of waiting) {
    for (const [key, surface] of phrases(p.text)) {
      const h = holders.get(key) ?? { surface: new Map<string, number>(), papers: [] };
      h.surface.set(surface, (h.surface.get(surface) ?? 0) + 1);
      h.papers.push(p);
      holders.set(key, h);
    }
  }
  const ranked = [...holders]
    .filter(([, h]) => h.papers.length >= 2)
    .map(([key, h]) => {
      // Shared by the waiting papers, and rare among the rest: that is what tells them apart.
      const elsewhere = (df.get(key) ?? 0) - h.papers.length;
      return { key, h, length: key.split(' ').length, score: h.papers.length / Math.log(2 + elsewhere) };
    })
    // The most telling first; of equals, the shortest phrase, which is the easiest rule to add.
    .sort((a, b) => b.score - a.score || b.h.papers.length - a.h.papers.length || a.length - b.length || (a.key < b.key ? -1 : 1));
  // Skip a phrase that holds, or is held by, one already listed for the very same papers.
  const shown: { key: string; ids: string }[] = [];
  console.log(`${waiting.length} of ${papers.length} papers await a topic. Phrases they share, most telling first:\n`);
  for (const { key, h } of ranked) {
    if (shown.length >= limit) break;
    const ids = h.papers.map((p) => p.id).join(',');
    if (shown.some((s) => s.ids === ids && (s.key.includes(key) || key.includes(s.key)))) continue;
    shown.push({ key, ids });
    const surface = [...h.surface].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
    console.log(`  "${surface}": ${h.papers.length} papers`);
    for (const p of h.papers.slice(0, 3)) console.log(`      ${p.title}`);
  }
  console.log('\nAdd a phrase to the `match` list of a topic in content/topics/ (or a new topic), then re-run the ingest on the sources.');
}

function coverage(papers: Paper[]): void {
  const bySource = new Map<string, { all: number; waiting: number }>();
  for (const p of papers) {
    for (const s of new Set(p.sources)) {
      const c = bySource.get(s) ?? { all: 0, waiting: 0 };
      c.all += 1;
      if (p.topics.length === 0) c.waiting += 1;
      bySource.set(s, c);
    }
  }
  const pct = (n: number, of: number): string => `${of ? ((100 * n) / of).toFixed(1) : '0.0'} %`;
  for (const [source, c] of [...bySource].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    console.log(
      `  ${source.padEnd(28)} ${String(c.waiting).padStart(4)} of ${String(c.all).padStart(4)} await a topic (${pct(c.waiting, c.all)})`,
    );
  const waiting = papers.filter((p) => p.topics.length === 0).length;
  console.log(
    `  ${'all'.padEnd(28)} ${String(waiting).padStart(4)} of ${String(papers.length).padStart(4)} await a topic (${pct(waiting, papers.length)})`,
  );
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, limit: { type: 'string' } },
  });
  const command = positionals[0];
  const papers = loadPapers(resolve(values.out ?? 'content'));
  if (command === 'suggest') suggest(papers, Number(values.limit ?? 25));
  else if (command === 'coverage') coverage(papers);
  else {
    console.error('usage: npm run topics -- suggest|coverage [--out DIR] [--limit N]');
    return 2;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
