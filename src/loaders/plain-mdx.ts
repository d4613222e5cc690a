/**
 * Loads the paper entries: one `.mdx` file each, whose body must be plain MDX (text, escapes,
 * links and `$…$` math; no expression, component or import), checked with the MDX parser.
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
import { mdxToMdast } from 'satteri';
import { contentError, withoutTrace } from '../lib/errors.ts';
import { FrontmatterError, splitFrontmatter } from '../lib/frontmatter.ts';

type Node = { type: string; children?: Node[]; position?: { start?: { line?: number } } };

const LIVE = new Map<string, [what: string, fix: string]>([
  ['mdxjsEsm', ['an import or export statement', 'escape its first letter, e.g. &#x69;mport']],
  ['mdxFlowExpression', ['a {…} expression', 'escape the braces as \\{ and \\}']],
  ['mdxTextExpression', ['a {…} expression', 'escape the braces as \\{ and \\}']],
  ['mdxJsxFlowElement', ['a <…> component or HTML tag', 'escape the < as \\<']],
  ['mdxJsxTextElement', ['a <…> component or HTML tag', 'escape the < as \\<']],
]);

/** Why a body is not plain MDX, or undefined when it is. */
export function bodyProblem(body: string): string | undefined {
  let tree: Node;
  try {
    tree = mdxToMdast(body, { features: { math: true, gfm: false } }) as Node;
  } catch (error) {
    return `is not valid MDX (${(error as Error).message.split('\n')[0] ?? ''}); escape the characters MDX reads as code, as the ingest does`;
  }
  const stack = [tree];
  while (stack.length) {
    const node = stack.pop() as Node;
    const live = LIVE.get(node.type);
    if (live) {
      const line = node.position?.start?.line;
      return `contains ${live[0]}${line ? ` (line ${line} of the body)` : ''}; entries hold plain text and run no code. To show it as text, ${live[1]}, or re-run the ingest, which escapes it`;
    }
    stack.push(...(node.children ?? []));
  }
  return undefined;
}

async function syncFile(ctx: LoaderContext, root: string, base: string, name: string): Promise<string> {
  const absolute = resolve(root, base, name);
  const filePath = relative(root, absolute);
  const id = name.replace(/\.mdx$/u, '');
  const text = readFileSync(absolute, 'utf8');
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
  const problem = bodyProblem(parts.body);
  if (problem)
    throw contentError(
      `${filePath}: body: ${problem}.`,
      'Entry bodies are abstracts: plain text, with escapes for the characters MDX treats as code.',
      { file: absolute },
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
