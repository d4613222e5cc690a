/**
 * Finds scrape damage that the repair rules left behind, so a new kind of damage in a future
 * listing is reported instead of published. Used by the ingest (as warnings) and by the tests
 * (which require none in the seed).
 */
import { findUrls } from '../../src/lib/links.ts';
import { splitTex } from '../../src/lib/math.ts';

interface DamagePattern {
  name: string;
  pattern: RegExp;
}

const TEXT_PATTERNS: readonly DamagePattern[] = [
  { name: 'TeX quotes', pattern: /``|''/u },
  { name: 'TeX-escaped special', pattern: /\\[%&#_]/u },
  { name: 'arrow macro', pattern: /(?:left|right|leftright)arrow/iu },
  { name: 'times macro', pattern: /\dtimes(?:\b|[A-Z\d])|\d times \d/u },
  { name: 'stripped character reference', pattern: /(?<![0-9&#])x20[0-9A-F]{2}(?![0-9])/u },
  {
    name: 'font macro',
    pattern: /scriptsize|footnotesize|mathrm|mathbb|mathcal|textbf|text(?:it|sc|tt|sf|rm)\{|emph\{|\((?:rm|tt|sf) |\((?:bf|it) [A-Z]/u,
  },
  { name: 'TeX macro', pattern: /\\[A-Za-z]+/u },
  { name: 'calligraphic letter macro', pattern: /\bcal[A-Z]\b/u },
  // "We introduce , a benchmark": a name written with a macro that the source dropped.
  { name: 'word missing before punctuation', pattern: /\p{L} [,;:] \p{L}/u },
  { name: 'degree macro', pattern: /\^\s?\{?\\?circ\b/u },
  { name: 'bullet macro', pattern: /(?:^|[:;.?!] )bullet [A-Z]/u },
  { name: 'TeX dash', pattern: /---|\w--\w| -- /u },
  { name: 'script outside math', pattern: /[A-Za-z0-9)]\^[\d{]|[A-Za-z]_\{|\b(?:[A-Za-z]|[A-Z]{2,3})_\d\b/u },
  { name: 'math macro outside math', pattern: /\b(?:infty|cdot)\b|[a-z]cdot\b|\bmuP\b/u },
];

const MATH_PATTERNS: readonly DamagePattern[] = [
  {
    name: 'macro without backslash',
    pattern:
      /(?<![\\A-Za-z])(?:alpha|beta|gamma|delta|epsilon|lambda|sigma|theta|omega|infty|cdot|times|frac|sqrt)(?![A-Za-z])|(?<![\\])cdot/u,
  },
];

export interface Damage {
  name: string;
  /** The damaged text with a little context. */
  excerpt: string;
}

/** Damage left in a title or abstract in the `$…$` format. */
export function findDamage(text: string): Damage[] {
  const found: Damage[] = [];
  const report = (segment: string, patterns: readonly DamagePattern[]): void => {
    for (const { name, pattern } of patterns) {
      const m = pattern.exec(segment);
      if (m) found.push({ name, excerpt: segment.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20) });
    }
  };
  for (const segment of splitTex(text)) {
    if (segment.kind === 'math') {
      report(segment.tex, MATH_PATTERNS);
      continue;
    }
    let rest = segment.value;
    for (const url of findUrls(segment.value)) rest = rest.replace(url.url, ' ');
    report(rest, TEXT_PATTERNS);
  }
  return found;
}
