/**
 * A synthetic catalogue for the benchmark: N entries drawn from the real abstracts with their
 * words shuffled, unique titles, 1 to 4 valid topics each, a code link on some. Deterministic for
 * a given N, written with the ingest's own entry writer, and never inside content/. The topics'
 * curated overviews come along, with the real entries they cite (counted in the N), and the
 * glossary of abbreviations, so the benchmark builds what the site builds.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntry, serializeEntry, type EntryData } from '../ingest/entry.ts';
import { slugify } from '../ingest/slug.ts';
import { joinTex, texToText } from '../../src/lib/math.ts';
import { fromMdxBody, toMdxBody } from '../../src/lib/mdx.ts';
import { overviewPaperIds } from '../../src/lib/overview.ts';

/** A small seeded PRNG (mulberry32), so a corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Writes N synthetic entries and the real topic vocabulary under `dir`. Returns the entry ids. */
export function writeCorpus(dir: string, n: number, source = 'content'): string[] {
  const rand = random(n);
  const real = readdirSync(join(source, 'papers'))
    .sort()
    .map((f) => parseEntry(readFileSync(join(source, 'papers', f), 'utf8'), f))
    .map((e) => ({ title: texToText(String(e.data['title'])), abstract: texToText(fromMdxBody(e.body)) }));
  const topics = readdirSync(join(source, 'topics')).map((f) => f.replace(/\.(?:yaml|mdx)$/u, ''));
  mkdirSync(join(dir, 'papers'), { recursive: true });
  cpSync(join(source, 'topics'), join(dir, 'topics'), { recursive: true });
  cpSync(join(source, 'glossary.yaml'), join(dir, 'glossary.yaml'));
  const cited = [
    ...new Set(
      readdirSync(join(source, 'topics'))
        .filter((f) => f.endsWith('.mdx'))
        .flatMap((f) => overviewPaperIds(readFileSync(join(source, 'topics', f), 'utf8'))),
    ),
  ].slice(0, n);
  for (const id of cited) cpSync(join(source, 'papers', `${id}.mdx`), join(dir, 'papers', `${id}.mdx`));
  const ids: string[] = [...cited];
  const seen = new Set<string>(cited);
  for (let i = 0; i < n - cited.length; i++) {
    const base = real[i % real.length];
    if (!base) break;
    const titleWords = shuffle(base.title.split(/\s+/u), rand).slice(0, 12);
    const title = `${titleWords.join(' ')} ${i + 1}`;
    const abstract = shuffle(base.abstract.split(/\s+/u), rand).join(' ');
    let id = slugify(title);
    while (seen.has(id)) id = `${id}-${i}`;
    seen.add(id);
    // Every topic is used at least once; then 1 to 4 random ones.
    const own = new Set<string>(i < topics.length ? [topics[i] as string] : []);
    const extra = 1 + Math.floor(rand() * 4);
    while (own.size < extra) own.add(topics[Math.floor(rand() * topics.length)] as string);
    const data: EntryData = {
      id,
      title: joinTex([{ kind: 'text', value: title }]),
      topics: [...own].slice(0, 4),
      links: rand() < 0.3 ? [{ kind: 'code', url: `https://github.com/bench/repo-${i + 1}` }] : [],
      sources: [{ listing: 'bench', format: 'hf-page', name: 'Daily Papers', date: 'Jan 1', position: i + 1 }],
    };
    writeFileSync(
      join(dir, 'papers', `${id}.mdx`),
      serializeEntry({ data, body: toMdxBody(joinTex([{ kind: 'text', value: abstract }])) }),
    );
    ids.push(id);
  }
  return ids;
}
