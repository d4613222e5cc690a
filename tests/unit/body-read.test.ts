/**
 * The exports read a body with body-read.ts; the page shows what Sätteri parses. Within the body
 * policy the two must read the same text and math, for every body the project knows of and for
 * hand edits that stretch the policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyProblems, type BodyNode } from '../../src/lib/body-policy.ts';
import { readBody } from '../../src/lib/body-read.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { joinTex, type Segment } from '../../src/lib/math.ts';
import { toMdxBody } from '../../src/lib/mdx.ts';
import { BODY_FEATURES } from '../../src/integrations/markdown.ts';
import { bodyTrees } from '../../src/loaders/plain-mdx.ts';
import { CORPUS_DIR } from '../fixtures/hostile/corpus.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { ROOT } from './helpers.ts';

/** The text and math of the tree the page is rendered from. */
function parsed(node: BodyNode, out: Segment[] = []): Segment[] {
  if (node.type === 'text') out.push({ kind: 'text', value: node.value ?? '' });
  else if (node.type === 'inlineMath') out.push({ kind: 'math', tex: node.value ?? '' });
  else if (node.type === 'break') out.push({ kind: 'text', value: ' ' });
  else if (node.type !== 'image') for (const child of node.children ?? []) parsed(child, out);
  if (node.type === 'paragraph') out.push({ kind: 'text', value: ' ' });
  return out;
}

/** Segments as one string, text runs merged and whitespace collapsed. */
const flat = (segments: Segment[]): string => joinTex(segments).replace(/\s+/gu, ' ').trim();

function* entryBodies(dir: string): Generator<[string, string]> {
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.mdx')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    try {
      yield [name, splitFrontmatter(text, name).body];
    } catch {
      // Entries whose frontmatter is what the case is about have no body to compare.
    }
  }
}

const HAND_EDITS = [
  'Plain &copy; 2024, &eacute;t&eacute;, &NotANamedRef; and &amp;copy; and \\&copy; and &#65 without a semicolon.',
  '[see [1]](https://en.wikipedia.org/wiki/A_(b)) then [t](https://a.org "A title") and [u](<https://a.org/x>).',
  '[$\\alpha$ and text](https://a.org) with ![a figure](/figures/one.png) in between.',
  '[outer [inner](https://b.org) text](https://a.org)',
  'Lines\nwrapped  \nwith a hard break and \\\nanother.\n\nA second paragraph.',
  '[unclosed](https://a.org and [brackets] and ( parens ) and a lone $ sign.',
  '[https://github.com/a/b\\$c\\$d](https://github.com/a/b$c$d) and [https://x.org/\\&lt;img\\&gt;/\\&#x22;q](https://x.org/\\&lt;img\\&gt;/\\&#x22;q)',
  'Escapes \\\\ \\[ \\] \\( \\) \\! \\* \\_ \\` \\$ and a backslash before a letter: \\alpha.',
];

/** Each body, and whether the policy must let it through (the corpus also holds bodies it refuses). */
const bodies: [name: string, body: string, allowed: boolean][] = [
  ...[...entryBodies(join(ROOT, 'content/papers'))].map(([n, b]): [string, string, boolean] => [n, b, true]),
  ...[...entryBodies(join(CORPUS_DIR, 'entries'))].map(([n, b]): [string, string, boolean] => [n, b, false]),
  ...HOSTILE_STRINGS.map((s, i): [string, string, boolean] => [
    `hostile string ${i + 1}`,
    toMdxBody(joinTex([{ kind: 'text', value: s }])),
    true,
  ]),
  ...HAND_EDITS.map((s, i): [string, string, boolean] => [`hand edit ${i + 1}`, s, true]),
];

describe('reading a body', () => {
  it('covers the catalogue, the hostile corpus, the hostile strings and hand edits', () => {
    expect(bodies.filter(([, , allowed]) => allowed).length).toBe(230 + HOSTILE_STRINGS.length + HAND_EDITS.length);
  });

  it('reads every body within the policy as the Markdown processor does', () => {
    for (const [name, body, allowed] of bodies) {
      const problems = bodyProblems(body, bodyTrees(body));
      if (!allowed && problems.length > 0) continue;
      expect(problems, name).toEqual([]);
      const tree = markdownToMdast(body, { features: BODY_FEATURES }) as BodyNode;
      expect(flat(readBody(body).segments), name).toBe(flat(parsed(tree)));
    }
  });
});
