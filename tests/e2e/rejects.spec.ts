/**
 * Hand-edited entries that must not build: each is built alone, and the build must fail with a
 * message that names the entry, the field and the reason; never run anything from it; and never
 * leak the canary secret set in its environment.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from './fixtures.ts';
import { CASES, CORPUS_DIR } from '../fixtures/hostile/corpus.ts';
import { CANARY } from '../fixtures/hostile-strings.ts';

function* files(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

function build(content: string, outDir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['astro', 'build', '--outDir', outDir], { env: { ...process.env, ...env, CATALOGUE_CONTENT: content } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test.describe.configure({ mode: 'parallel' });

for (const c of CASES) {
  if (c.kind !== 'entry' || c.expect.outcome !== 'reject') continue;
  const { field, reason, fix, line } = c.expect;
  test(`${c.file} fails the build naming the entry, ${field}, the reason and the fix: ${c.about}`, async () => {
    test.setTimeout(120_000);
    const name = c.file.split('/').pop() ?? 'case';
    const root = join('dist-e2e', 'rejects', name);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'content', 'papers'), { recursive: true });
    cpSync(join(CORPUS_DIR, 'topics'), join(root, 'content', 'topics'), { recursive: true });
    cpSync(join(CORPUS_DIR, c.file), join(root, 'content', 'papers'), { recursive: true });
    const canary = `canary-${randomUUID()}`;
    const { code, stdout, stderr } = await build(join(root, 'content'), join(root, 'dist'), {
      [CANARY]: canary,
      CATALOGUE_CACHE_DIR: join(root, 'cache'),
    });
    // The message is on stderr, where a terminal or CI log shows errors.
    const plain = stripVTControlCharacters(stderr);
    expect(code, plain).not.toBe(0);
    const entryFiles = readdirSync(join(CORPUS_DIR, c.file)).map((f) => f.replace(/\.mdx$/u, ''));
    expect(
      entryFiles.some((f) => plain.includes(f)),
      `names the entry in:\n${plain}`,
    ).toBe(true);
    expect(plain, 'names the field').toContain(field);
    expect(plain, 'gives the reason').toContain(reason);
    expect(fix, 'the case says which fix the message gives').toBeDefined();
    expect(plain, 'says how to fix it').toContain(fix ?? '');
    if (line) expect(plain, 'names the line').toContain(`(line ${line} of the body)`);
    // The content is at fault, not the code: a message, no stack trace.
    expect(stripVTControlCharacters(stdout + stderr), 'prints no stack trace').not.toMatch(/Stack trace|^\s+at .*:\d+:\d+\)?$/mu);
    expect([...files(join(root, 'dist'))].filter((f) => readFileSync(f).includes(canary))).toEqual([]);
    expect(stdout + stderr).not.toContain(canary);
  });
}

test('a topic overview that cites an unknown paper or shows a missing image fails the build naming the topic file, the id and the path', async () => {
  test.setTimeout(120_000);
  const root = join('dist-e2e', 'rejects', 'overview-unknown-paper');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'content', 'topics'), { recursive: true });
  cpSync(join(CORPUS_DIR, 'entries', '127-two-paragraphs'), join(root, 'content', 'papers'), { recursive: true });
  // The corpus topic, as a curator would turn it into an overview: same frontmatter, MDX body.
  const frontmatter = readFileSync(join(CORPUS_DIR, 'topics', 'hostile.yaml'), 'utf8');
  writeFileSync(
    join(root, 'content', 'topics', 'hostile.mdx'),
    `---\n${frontmatter}---\n\nThe key paper of the field:\n\n<Paper id="no-such-paper" />\n\n<Figure src="figures/no-such-plot.png" alt="A plot" />\n`,
  );
  const { code, stdout, stderr } = await build(join(root, 'content'), join(root, 'dist'), { CATALOGUE_CACHE_DIR: join(root, 'cache') });
  const plain = stripVTControlCharacters(stdout + stderr);
  expect(code, plain).not.toBe(0);
  expect(plain).toContain('hostile.mdx: overview: <Paper id="no-such-paper"> names no paper of the catalogue');
  expect(plain).toContain('hostile.mdx: overview: <Figure src="figures/no-such-plot.png"> names no file under public/');
  expect(plain, 'prints no stack trace').not.toMatch(/Stack trace|^\s+at .*:\d+:\d+\)?$/mu);
  expect(existsSync(join(root, 'dist', 'index.html')), 'writes no site').toBe(false);
});
