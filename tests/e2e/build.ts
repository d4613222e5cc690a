/**
 * Builds every site the browser tests need, one after another (builds share the machine's two
 * cores and must not share a content cache): the catalogue at `/`, the catalogue under a
 * sub-path, and a catalogue of hostile entries built with a canary secret in the environment.
 *
 *   node tests/e2e/build.ts [root|sub|hostile ...]
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEntry, serializeEntry, type EntryData } from '../../scripts/ingest/entry.ts';
import { planIngest } from '../../scripts/ingest/plan.ts';
import { CASES, CORPUS_DIR } from '../fixtures/hostile/corpus.ts';
import { joinTex } from '../../src/lib/math.ts';
import { toMdxBody } from '../../src/lib/mdx.ts';
import { CANARY, HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { BUILDS, canaryFile, CORPUS_CONTENT, CORPUS_PAGES, HOSTILE_CONTENT, type BuildName } from './builds.ts';

/** Writes one entry per hostile string, titled with the string itself, through the ingest's writer. */
function writeHostileContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['papers', 'topics', 'sources']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(
    join(dir, 'topics/hostile.yaml'),
    'name: Hostile input\nsummary: Text that is code elsewhere.\ndescription: Entries whose text is code in MDX, HTML, Markdown, YAML or TeX.\nmatch: [hostile]\n',
  );
  HOSTILE_STRINGS.forEach((s, i) => {
    const id = `hostile-${String(i + 1).padStart(2, '0')}`;
    const literal = joinTex([{ kind: 'text', value: s.replace(/\s+/gu, ' ').trim() }]);
    const data = {
      id,
      title: literal,
      topics: ['hostile'],
      links: [],
      sources: [{ listing: 'hostile', format: 'hf-page' as const, name: 'Hostile strings', date: 'Jan 1', position: i + 1 }],
    };
    writeFileSync(join(dir, 'papers', `${id}.mdx`), serializeEntry({ data, body: toMdxBody(literal) }));
  });
}

/**
 * Ingests every accepted corpus listing (each into a fresh content root, as a new catalogue would)
 * and gathers the entries, and the accepted hand-written entries, into one content root. Ids get
 * the case number in front, since titles such as `&a` and `*a` make the same id in different cases.
 */
function writeCorpusContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'papers'), { recursive: true });
  cpSync(join(CORPUS_DIR, 'topics'), join(dir, 'topics'), { recursive: true });
  const pages: Record<string, string[]> = {};
  for (const c of CASES.filter((x) => x.expect.outcome === 'build')) {
    if (c.kind === 'listing') {
      const own = join(dir, '..', 'corpus-scratch', c.file.replace(/\W+/gu, '-'));
      rmSync(own, { recursive: true, force: true });
      cpSync(join(CORPUS_DIR, 'topics'), join(own, 'topics'), { recursive: true });
      const plan = planIngest({ sourcePath: join(CORPUS_DIR, c.file), contentDir: own });
      if (plan.errors.length > 0) throw new Error(`${c.file} should be accepted: ${JSON.stringify(plan.errors)}`);
      // Papers the case expects refused stay out; the others are built.
      const number = /\/(\d+)-/u.exec(c.file)?.[1] ?? '0';
      pages[c.file] = plan.writes.flatMap((w) => {
        if (!w.path.endsWith('.mdx')) return [];
        const entry = parseEntry(String(w.content), w.path);
        const id = `c${number}-${String(entry.data['id'])}`.slice(0, 80).replace(/-+$/u, '');
        writeFileSync(
          join(dir, 'papers', `${id}.mdx`),
          serializeEntry({ data: { ...(entry.data as unknown as EntryData), id }, body: entry.body }),
        );
        return [id];
      });
    } else {
      const files = readdirSync(join(CORPUS_DIR, c.file));
      for (const f of files) cpSync(join(CORPUS_DIR, c.file, f), join(dir, 'papers', f));
      pages[c.file] = files.map((f) => f.replace(/\.mdx$/u, ''));
    }
  }
  writeFileSync(CORPUS_PAGES, JSON.stringify(pages, null, 2));
}

function build(name: BuildName): void {
  const { outDir, base } = BUILDS[name];
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: base, CATALOGUE_CACHE_DIR: `node_modules/.astro-e2e-${name}` };
  if (name === 'hostile' || name === 'corpus') {
    if (name === 'hostile') writeHostileContent(HOSTILE_CONTENT);
    else writeCorpusContent(CORPUS_CONTENT);
    const canary = `canary-${randomUUID()}`;
    writeFileSync(canaryFile(name), canary);
    // One relative and one absolute content root, as users and the benchmark give them.
    env['CATALOGUE_CONTENT'] = name === 'hostile' ? HOSTILE_CONTENT : resolve(CORPUS_CONTENT);
    env[CANARY] = canary;
  }
  const started = performance.now();
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], { env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    throw new Error(`the ${name} build failed`);
  }
  // The content store module is rewritten to compile fast; a newer Astro may emit it in a shape
  // the rewrite does not know (src/integrations/content-store.ts), and the build only warns.
  if (result.stdout.includes('[catalogue-content-store]')) {
    process.stdout.write(result.stdout);
    throw new Error(`the ${name} build left the content store module as it was: see src/integrations/content-store.ts`);
  }
  console.log(`built ${name} (${base}) into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

mkdirSync('dist-e2e', { recursive: true });
const requested = process.argv.slice(2) as BuildName[];
for (const name of requested.length > 0 ? requested : (Object.keys(BUILDS) as BuildName[])) build(name);
