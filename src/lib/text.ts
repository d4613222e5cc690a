/** Small text helpers for cards, descriptions and previews. */

/**
 * The start of a text, cut at a word boundary to at most `max` characters, with an ellipsis when
 * cut. Never cuts inside a grapheme (emoji with joiners, accents).
 */
export function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(clean)].map((g) => g.segment);
  if (graphemes.length <= max) return clean;
  const head = graphemes.slice(0, max - 1).join('');
  const atBoundary = graphemes[max - 1] === ' ';
  const space = head.lastIndexOf(' ');
  const cut = atBoundary || space <= max * 0.6 ? head : head.slice(0, space);
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** "1 paper", "2 papers". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : pluralForm}`;
}
