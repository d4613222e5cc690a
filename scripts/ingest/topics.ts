/**
 * Tags papers with topics from the vocabulary's matching rules. A rule is a word or phrase matched
 * case-insensitively on whole words, each with an optional plural `s`/`es`; hyphens and spaces are the
 * same. A hit in the title counts three times a hit in the abstract; each phrase counts at most
 * three times, so one repeated word cannot outweigh a topic that fits the paper more broadly.
 */
import { texToText } from '../../src/lib/math.ts';
import { MAX_TOPICS } from '../../src/lib/schema.ts';

export interface TopicRule {
  id: string;
  match: readonly string[];
  exclude: readonly string[];
}

export interface TopicScore {
  id: string;
  score: number;
  /** The phrases that matched, for the ingest's report. */
  hits: string[];
}

/** A topic needs this score to be assigned: one title hit, or two abstract hits. */
export const MIN_SCORE = 2;
const TITLE_WEIGHT = 3;
const MAX_HITS_PER_PHRASE = 3;

/** Lowercases and reduces text to words separated by single spaces. */
export function normaliseForMatch(text: string): string {
  return ` ${texToText(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

function phrasePattern(phrase: string): RegExp {
  const words = normaliseForMatch(phrase)
    .trim()
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(` ${words.map((w) => `${w}(?:s|es)?`).join(' ')} `, 'gu');
}

function countHits(haystack: string, pattern: RegExp): number {
  // Matches share their boundary spaces, so count with a lookahead-free scan that restarts one back.
  let hits = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(haystack); m; m = pattern.exec(haystack)) {
    hits += 1;
    pattern.lastIndex = m.index + m[0].length - 1;
  }
  return hits;
}

/** Scores every topic for a paper. */
export function scoreTopics(title: string, abstract: string, rules: readonly TopicRule[]): TopicScore[] {
  const t = normaliseForMatch(title);
  const a = normaliseForMatch(abstract);
  return rules.map((rule) => {
    if (rule.exclude.some((p) => countHits(t, phrasePattern(p)) + countHits(a, phrasePattern(p)) > 0)) {
      return { id: rule.id, score: 0, hits: [] };
    }
    let score = 0;
    const hits: string[] = [];
    for (const phrase of rule.match) {
      const pattern = phrasePattern(phrase);
      const inTitle = Math.min(countHits(t, pattern), MAX_HITS_PER_PHRASE);
      const inAbstract = Math.min(countHits(a, pattern), MAX_HITS_PER_PHRASE);
      if (inTitle + inAbstract > 0) hits.push(phrase);
      score += TITLE_WEIGHT * inTitle + inAbstract;
    }
    return { id: rule.id, score, hits };
  });
}

/**
 * The topics for a paper: those scoring at least {@link MIN_SCORE}, best first, at most four; ties
 * go to the topic listed first in the vocabulary. Empty when no rule fits.
 */
export function assignTopics(title: string, abstract: string, rules: readonly TopicRule[]): string[] {
  return scoreTopics(title, abstract, rules)
    .map((s, order) => ({ ...s, order }))
    .filter((s) => s.score >= MIN_SCORE)
    .sort((x, y) => y.score - x.score || x.order - y.order)
    .slice(0, MAX_TOPICS)
    .map((s) => s.id);
}
