/**
 * Loads the paper entries: one `.mdx` file each, whose body must be plain MDX (text, escapes,
 * references, links and `$…$` math; no expression, component or import). This is the one place
 * bodies are checked, against src/lib/body-policy.ts, on the trees the Markdown processor parses.
 *
 * Plain bodies need no JavaScript, so the body is rendered to HTML here, at content sync, with
 * the site's Markdown processor (math, links), and cached by the file's digest like Astro's
 * Markdown entries. Compiling each entry into its own module instead, as `glob()` does for MDX,
 * cost 30 s of bundling, 2 GB of memory and a slower rebuild at 10 000 papers (README,
 * Performance).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { bodyProblems, type BodyNode, type BodyTrees } from '../lib/body-policy.ts';
import { contentError, withoutTrace } from '../lib/errors.ts';
import { FrontmatterError, splitFrontmatter } from '../lib/frontmatter.ts';
import { BODY_FEATURES } from '../integrations/markdown.ts';

/** A body's MDX tree (for live MDX) and its Markdown tree (what is rendered), for the body policy. */
export function bodyTrees(body: string): BodyTrees {
  const options = { features: BODY_FEATURES, position: true };
  let mdx: BodyTrees['mdx'];
  try {
    mdx = mdxToMdast(body, options) as BodyNode;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    mdx = { error: message.replace(/^\d+:\d+: /u, ''), line: Number(/^(\d+):/u.exec(message)?.[1] ?? 1) };
  }
  return { mdx, markdown: markdownToMdast(body, options) as BodyNode };
}

/** Entries are UTF-8, as the ingest writes them; another encoding would reach the page as garbage. */
function readEntry(path: string, filePath: string): string {
  const bytes = readFileSync(path);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  try {
    if (!utf16) return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: refused below.
  }
  throw contentError(
    `${filePath}: encoding: the file is ${utf16 ? 'saved as UTF-16' : 'not UTF-8 text'}.`,
    'Save the entry as UTF-8 (your editor\'s "Save with encoding" or "File encoding" setting), then build again.',
    { file: path },
  );
}

async function syncFile(ctx: LoaderContext, root: string, base: string, name: string): Promise<string> {
  const absolute = resolve(root, base, name);
  const filePath = relative(root, absolute);
  const id = name.replace(/\.mdx$/u, '');
  const text = readEntry(absolute, filePath);
  const digest = ctx.generateDigest(text);
  const existing = ctx.store.get(id);
  if (existing?.digest === digest && existing.rendered) return id;
  let parts;
  try {
    parts = splitFrontmatter(text, filePath);
  } catch (error) {
    if (error instanceof FrontmatterError) throw contentError(error.message, 'Fix the entry named above.', { file: absolute });
    throw error;
  }
  const problems = bodyProblems(parts.body, bodyTrees(parts.body));
  const first = problems[0];
  if (first)
    throw contentError(
      problems.map((p) => `${filePath}:${parts.bodyLine + p.line - 1}: body: ${p.what} (line ${p.line} of the body); ${p.fix}.`).join('\n'),
      'An entry body is an abstract: plain text, $…$ math and links to http(s) addresses, with a backslash before each character Markdown or MDX would read as syntax.',
      { file: absolute, line: parts.bodyLine + first.line - 1 },
    );
  let data;
  try {
    data = await ctx.parseData({ id, data: parts.data, filePath });
  } catch (error) {
    // The schema's own message names the entry and the field, and says how to fix it.
    throw error instanceof Error ? withoutTrace(error) : error;
  }
  const rendered = await ctx.renderMarkdown(parts.body, { fileURL: pathToFileURL(absolute) });
  ctx.store.set({ id, data, body: parts.body, filePath, digest, rendered });
  return id;
}

/** A loader for the `.mdx` files directly in `base` (relative to the project root). */
export function plainMdx({ base }: { base: string }): Loader {
  return {
    name: 'catalogue-plain-mdx',
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const dir = resolve(root, base);
      // An ingest killed while putting its files in place leaves a journal (scripts/ingest/commit.ts):
      // until it is finished, the folder may hold half of what it committed.
      const journal = resolve(dir, '..', '.ingest-journal.json');
      if (existsSync(journal))
        throw contentError(
          `${relative(root, journal)}: an ingest was interrupted while writing the content, which may be half written.`,
          'Run `npm run ingest -- --recover` to finish it (any later ingest does too), then build again.',
          { file: journal },
        );
      const names = readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .sort();
      const ids = new Set<string>();
      for (const name of names) ids.add(await syncFile(ctx, root, base, name));
      for (const id of ctx.store.keys()) if (!ids.has(id)) ctx.store.delete(id);

      // In the dev server, follow edits.
      ctx.watcher?.add(dir);
      const inDir = (path: string): string | undefined =>
        resolve(path, '..') === dir && path.endsWith('.mdx') ? path.slice(dir.length + 1) : undefined;
      const update = (path: string): void => {
        const name = inDir(path);
        if (name) syncFile(ctx, root, base, name).catch((error: unknown) => ctx.logger.error((error as Error).message));
      };
      ctx.watcher?.on('add', update);
      ctx.watcher?.on('change', update);
      ctx.watcher?.on('unlink', (path) => {
        const name = inDir(path);
        if (name) ctx.store.delete(name.replace(/\.mdx$/u, ''));
      });
    },
  };
}
