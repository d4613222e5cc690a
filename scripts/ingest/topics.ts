/**
 * Tags papers with topics from the vocabulary's rules. A rule is a word or phrase matched on word
 * stems (src/lib/words.ts and spellings.ts: "test-time computing" matches "test-time compute", "quantisation"
 * matches "quantization"), case and punctuation aside. A hit in the title counts three times one
 * in the abstract or the source's keywords; each phrase counts at most three times, so one repeated
 * word cannot outweigh a topic that fits the paper more broadly.
 *
 * A generic word decides nothing alone: a topic's `weak` phrases (reward, policy, precision,
 * autoregressive) count only when one of its `match` phrases is in the paper too; its `title`
 * phrases (benchmark, dataset) count only in the title, where they say what the paper is; and an
 * `exclude` phrase vetoes the topic. A phrase `*bench` matches any word ending in "bench" (VideoReasonBench,
 * MCP-AgentBench), for the names a field gives its work; a phrase `=optimizer` matches the word as
 * written (plural and British spelling aside) where its stem would say too much (optimizer and
 * optimization share the stem "optim", reasoning and reasons "reason").
 */
import { texToText } from '../../src/lib/math.ts';
import { MAX_TOPICS } from '../../src/lib/schema.ts';
import { americanSpelling, spellingStem } from '../../src/lib/spellings.ts';
import { isFormOf, words } from '../../src/lib/words.ts';

export interface TopicRule {
  id: string;
  match: readonly string[];
  /** Phrases that decide the topic in a title, and say nothing elsewhere (benchmark, dataset). */
  title?: readonly string[];
  weak?: readonly string[];
  exclude: readonly string[];
}

export interface TopicScore {
  id: string;
  score: number;
  /** The phrases that matched, for the ingest's report. */
  hits: string[];
}

/** The text a paper is tagged from. Keywords are phrases from the source, not the paper's words. */
export interface TopicText {
  title: string;
  abstract: string;
  keywords?: readonly string[];
}

/** A topic needs this score to be assigned: one title hit, or two abstract hits. */
const MIN_SCORE = 2;
const TITLE_WEIGHT = 3;
const MAX_HITS_PER_PHRASE = 3;

/** A phrase as it is matched: its word stems, the ending of a word (`*bench`), or words as written (`=optimizer`). */
type Phrase = { stems: string[] } | { ending: string } | { exact: string[] };

/** Whether a folded word of the text is the word of an `=word` phrase, or its plural, in either spelling. */
const isExactly = (word: string, base: string): boolean => isFormOf(americanSpelling(word), base);

function toPhrase(text: string): Phrase {
  const trimmed = text.trim();
  if (trimmed.startsWith('*')) return { ending: words(trimmed).join('') };
  if (trimmed.startsWith('=')) return { exact: words(trimmed).map(americanSpelling) };
  return { stems: words(trimmed).map(spellingStem) };
}

/** A text's words and their stems, with where each stem occurs, for counting phrases. */
class Stems {
  private readonly at = new Map<string, number[]>();
  private readonly words: string[];
  private readonly stems: string[];

  constructor(text: string) {
    this.words = words(texToText(text));
    this.stems = this.words.map(spellingStem);
    this.stems.forEach((s, i) => {
      const positions = this.at.get(s);
      if (positions) positions.push(i);
      else this.at.set(s, [i]);
    });
  }

  /** How many times the phrase occurs. */
  count(phrase: Phrase): number {
    if ('ending' in phrase) return this.words.filter((w) => w.endsWith(phrase.ending)).length;
    if ('exact' in phrase) {
      const [first = '', ...rest] = phrase.exact;
      let n = 0;
      this.words.forEach((w, i) => {
        if (isExactly(w, first) && rest.every((s, k) => isExactly(this.words[i + 1 + k] ?? '', s))) n += 1;
      });
      return n;
    }
    const [first, ...rest] = phrase.stems;
    if (first === undefined) return 0;
    let n = 0;
    for (const i of this.at.get(first) ?? []) if (rest.every((s, k) => this.stems[i + 1 + k] === s)) n += 1;
    return n;
  }
}

/** Scores every topic for a paper. */
export function scoreTopics(paper: TopicText, rules: readonly TopicRule[]): TopicScore[] {
  const title = new Stems(paper.title);
  const abstract = new Stems(paper.abstract);
  const keywords = (paper.keywords ?? []).map((k) => new Stems(k));
  const inKeywords = (phrase: Phrase): number => keywords.filter((k) => k.count(phrase) > 0).length;
  return rules.map((rule) => {
    if (rule.exclude.some((p) => title.count(toPhrase(p)) + abstract.count(toPhrase(p)) > 0)) return { id: rule.id, score: 0, hits: [] };
    let score = 0;
    const hits: string[] = [];
    const add = (phrase: string): void => {
      const s = toPhrase(phrase);
      const inTitle = Math.min(title.count(s), MAX_HITS_PER_PHRASE);
      const elsewhere = Math.min(abstract.count(s) + inKeywords(s), MAX_HITS_PER_PHRASE);
      if (inTitle + elsewhere > 0) hits.push(phrase);
      score += TITLE_WEIGHT * inTitle + elsewhere;
    };
    rule.match.forEach(add);
    for (const phrase of rule.title ?? []) {
      const inTitle = Math.min(title.count(toPhrase(phrase)), MAX_HITS_PER_PHRASE);
      if (inTitle > 0) hits.push(phrase);
      score += TITLE_WEIGHT * inTitle;
    }
    // Weak phrases support a topic that a match phrase has already found; alone they decide nothing.
    if (hits.length > 0) (rule.weak ?? []).forEach(add);
    return { id: rule.id, score, hits };
  });
}

/**
 * The topics for a paper: those scoring at least {@link MIN_SCORE}, best first, at most four; ties
 * go to the topic listed first in the vocabulary. Empty when no rule fits.
 */
export function assignTopics(paper: TopicText, rules: readonly TopicRule[]): string[] {
  return scoreTopics(paper, rules)
    .map((s, order) => ({ ...s, order }))
    .filter((s) => s.score >= MIN_SCORE)
    .sort((x, y) => y.score - x.score || x.order - y.order)
    .slice(0, MAX_TOPICS)
    .map((s) => s.id);
}
