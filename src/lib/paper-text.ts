/**
 * The text of a paper in each form the site publishes it, from the text an entry stores: its
 * title (the `$…$` format) or its body (MDX: escapes, character references, links, `$…$` math).
 * Every export takes its text from here: papers.json, the feeds and the preview images through
 * Paper.titleText and Paper.abstractText ('plain'), BibTeX through 'bibtex'. The page renders the
 * same text and math (src/lib/body-read.ts reads a body as the page's Markdown processor does).
 */
import { joinTex, segmentsToText, splitTex, type Segment } from './math.ts';
import { bodySegments } from './mdx.ts';
import { toSafeTex } from './safe-tex.ts';

/** A title or a body, as an entry stores it. */
export type StoredText = { title: string } | { body: string };

/**
 * - `tex`: the `$…$` format (math kept as TeX, a literal dollar as `\$`);
 * - `plain`: Unicode text, math as its readable rendering (`L₀ + A · S₁`);
 * - `bibtex`: safe TeX for a BibTeX field (src/lib/safe-tex.ts).
 */
export type TextTarget = 'tex' | 'plain' | 'bibtex';

/** The text and math of a stored title or body. */
const textSegments = (stored: StoredText): Segment[] => ('title' in stored ? splitTex(stored.title) : bodySegments(stored.body));

/** A stored title or body as the target needs it. */
export function paperText(stored: StoredText, target: TextTarget): string {
  const segments = textSegments(stored);
  if (target === 'tex') return joinTex(segments);
  if (target === 'bibtex') return toSafeTex(segments);
  return segmentsToText(segments);
}
