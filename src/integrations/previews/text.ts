/**
 * Text for preview images: Inter from @fontsource (bundled, so every machine draws the same
 * pixels), per-character fallback across its script subsets, pair kerning, and line wrapping with
 * an ellipsis on the last line. Characters no subset has (CJK, emoji) draw as Inter's .notdef box.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export type Weight = 400 | 700;

type Font = fontkit.Font;
type Glyph = fontkit.Glyph;

const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
const require = createRequire(import.meta.url);
const faces = new Map<Weight, Font[]>();

/** The fallback chain for a weight: the first subset that has a character draws it. */
export function fontsFor(weight: Weight): Font[] {
  let chain = faces.get(weight);
  if (!chain) {
    chain = SUBSETS.map(
      (subset) => fontkit.create(readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`))) as Font,
    );
    faces.set(weight, chain);
  }
  return chain;
}

export interface PlacedGlyph {
  /** Index of the font in the weight's fallback chain. */
  font: number;
  glyph: Glyph;
  /** Pen position in pixels from the start of the line. */
  x: number;
}

export interface Shaped {
  glyphs: PlacedGlyph[];
  width: number;
}

interface CachedGlyph {
  font: number;
  glyph: Glyph;
}

const glyphCache = new Map<string, CachedGlyph>();
const kernCache = new Map<string, number>();
// Joiners, variation selectors and skin-tone modifiers would each draw a box of their own.
const INVISIBLE = /\u200c|\u200d|\ufe0e|\ufe0f|\p{Emoji_Modifier}/u;

function glyphFor(weight: Weight, codePoint: number): CachedGlyph {
  const key = `${weight}:${codePoint}`;
  let cached = glyphCache.get(key);
  if (!cached) {
    const chain = fontsFor(weight);
    const font = chain.findIndex((f) => f.hasGlyphForCodePoint(codePoint));
    const face = chain[Math.max(font, 0)] as Font;
    cached = { font: Math.max(font, 0), glyph: font >= 0 ? face.glyphForCodePoint(codePoint) : face.getGlyph(0) };
    glyphCache.set(key, cached);
  }
  return cached;
}

/** Kerning between two characters drawn from the same font, in font units. */
function kerning(weight: Weight, a: number, b: number, ga: CachedGlyph, gb: CachedGlyph): number {
  if (ga.font !== gb.font) return 0;
  const key = `${weight}:${a}:${b}`;
  let value = kernCache.get(key);
  if (value === undefined) {
    const run = (fontsFor(weight)[ga.font] as Font).layout(String.fromCodePoint(a, b), ['kern']);
    value = run.glyphs.length === 2 ? (run.positions[0]?.xAdvance ?? ga.glyph.advanceWidth) - ga.glyph.advanceWidth : 0;
    kernCache.set(key, value);
  }
  return value;
}

/** Places the glyphs of one line of text at `size` pixels. */
export function shape(text: string, weight: Weight, size: number): Shaped {
  const codePoints = [...text].filter((c) => !INVISIBLE.test(c)).map((c) => c.codePointAt(0) ?? 0x20);
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  let previous: CachedGlyph | undefined;
  codePoints.forEach((cp, i) => {
    const g = glyphFor(weight, cp);
    const unit = size / (fontsFor(weight)[g.font] as Font).unitsPerEm;
    if (previous) x += kerning(weight, codePoints[i - 1] ?? 0, cp, previous, g) * unit;
    glyphs.push({ font: g.font, glyph: g.glyph, x });
    x += g.glyph.advanceWidth * unit;
    previous = g;
  });
  return { glyphs, width: x };
}

const widthOf = (text: string, weight: Weight, size: number): number => shape(text, weight, size).width;

const isWide = (cp: number): boolean =>
  (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef);

/**
 * Wraps text into at most `maxLines` lines no wider than `maxWidth`: at spaces, between CJK
 * characters, or inside a word too long for a line. Text that does not fit ends in "…".
 */
export function wrap(text: string, weight: Weight, size: number, maxWidth: number, maxLines: number): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const ch of text.replace(/\s+/gu, ' ').trim()) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isWide(cp)) {
      if (word) tokens.push(word);
      tokens.push(ch);
      word = '';
    } else if (ch === ' ') {
      tokens.push(`${word} `);
      word = '';
    } else word += ch;
  }
  if (word) tokens.push(word);
  const fits = (s: string): boolean => widthOf(s.trimEnd(), weight, size) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  let overflow = false;
  for (let i = 0; i < tokens.length && !overflow; i++) {
    const token = tokens[i] as string;
    if (fits(line + token)) {
      line += token;
    } else if (line) {
      // Close the line and try the token again on the next one.
      lines.push(line.trimEnd());
      line = '';
      overflow = lines.length === maxLines;
      i--;
    } else {
      // A token wider than a whole line: break it between characters.
      let part = '';
      for (const ch of token) {
        if (part && !fits(part + ch)) {
          lines.push(part);
          part = '';
          overflow = lines.length === maxLines;
          if (overflow) break;
        }
        part += ch;
      }
      line = part;
    }
  }
  if (!overflow && line.trim()) {
    if (lines.length < maxLines) lines.push(line.trimEnd());
    else overflow = true;
  }
  if (overflow && lines.length > 0) {
    const last = lines[lines.length - 1] as string;
    const chars = [...last];
    while (chars.length && !fits(`${chars.join('').trimEnd()}…`)) chars.pop();
    let kept = chars.join('');
    // Prefer ending at a word boundary when that keeps most of the line.
    const space = kept.lastIndexOf(' ');
    if (kept.length < last.length && last[kept.length] !== ' ' && space > kept.length * 0.6) kept = kept.slice(0, space);
    lines[lines.length - 1] = `${kept.replace(/[\s,;:.–—-]+$/u, '')}…`;
  }
  return lines;
}
