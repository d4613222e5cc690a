/**
 * Builds every site the browser tests need, one after another (builds share the machine's two
 * cores and must not share a content cache): the catalogue at `/`, the catalogue under a
 * sub-path, and a catalogue of hostile entries built with a canary secret in the environment.
 *
 *   node tests/e2e/build.ts [root|sub|hostile ...]
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeEntry } from '../../scripts/ingest/entry.ts';
import { joinTex } from '../../src/lib/math.ts';
import { toMdxBody } from '../../src/lib/mdx.ts';
import { CANARY, HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { BUILDS, CANARY_FILE, HOSTILE_CONTENT, type BuildName } from './builds.ts';

/** Writes one entry per hostile string, titled with the string itself, through the ingest's writer. */
function writeHostileContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['papers', 'topics', 'sources']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'topics/hostile.yaml'), 'name: Hostile input\nsummary: Text that is code elsewhere.\ndescription: Entries whose text is code in MDX, HTML, Markdown, YAML or TeX.\nmatch: [hostile]\n');
  HOSTILE_STRINGS.forEach((s, i) => {
    const id = `hostile-${String(i + 1).padStart(2, '0')}`;
    const literal = joinTex([{ kind: 'text', value: s.replace(/\s+/gu, ' ').trim() }]);
    const data = { id, title: literal, topics: ['hostile'], links: [], sources: [{ listing: 'hostile', name: 'Hostile strings', date: 'Jan 1', position: i + 1 }] };
    writeFileSync(join(dir, 'papers', `${id}.mdx`), serializeEntry({ data, body: toMdxBody(literal) }));
  });
}

function build(name: BuildName): void {
  const { outDir, base } = BUILDS[name];
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: base, CATALOGUE_CACHE_DIR: `node_modules/.astro-e2e-${name}` };
  if (name === 'hostile') {
    writeHostileContent(HOSTILE_CONTENT);
    const canary = `canary-${randomUUID()}`;
    writeFileSync(CANARY_FILE, canary);
    env['CATALOGUE_CONTENT'] = HOSTILE_CONTENT;
    env[CANARY] = canary;
  }
  const started = performance.now();
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], { env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    throw new Error(`the ${name} build failed`);
  }
  console.log(`built ${name} (${base}) into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

mkdirSync('dist-e2e', { recursive: true });
const requested = process.argv.slice(2) as BuildName[];
for (const name of requested.length > 0 ? requested : (Object.keys(BUILDS) as BuildName[])) build(name);
