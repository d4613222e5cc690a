/**
 * Related papers by text similarity: TF-IDF over the words and two-word phrases of each title and
 * abstract, cosine similarity through an inverted index (never a dense pair scan), and the key
 * terms each pair shares. Computed once per build for the whole catalogue; terms are integers and
 * vectors typed arrays, so 10 000 papers take a few seconds.
 */
import { forEachToken } from './terms.ts';

export interface Document {
  id: string;
  title: string;
  text: string;
  /** The paper's topics: curated by hand, so two papers that share them are related for sure. */
  topics?: readonly string[];
}

export interface Related {
  id: string;
  score: number;
  /** Key terms both papers share, most important first. */
  shared: string[];
}

export interface RelatedOptions {
  /** How many related papers per paper. */
  limit?: number;
  /** How many shared terms to report per pair. */
  sharedTerms?: number;
  /** Terms in more than this share of documents carry no signal and are skipped. */
  maxDocumentShare?: number;
  /** Only this many of a document's strongest terms are used to find candidates. */
  queryTerms?: number;
  /** How much sharing all topics adds to the text similarity (a cosine, mostly 0.05 to 0.3). */
  topicWeight?: number;
}

/** The cosine of two topic sets: 1 when they are equal, 0 when they share none. */
function topicOverlap(a: readonly string[] = [], b: readonly string[] = []): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = a.filter((t) => b.includes(t)).length;
  return shared / Math.sqrt(a.length * b.length);
}

const TITLE_WEIGHT = 2;

/** Term ids, and how each term was first written (for display: "models", not "model"). */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  private readonly surfaces: string[] = [];

  /** The term's id; of the forms it is written in, the shortest (then first A–Z) is shown, whatever the papers' order. */
  id(key: string, surface: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.surfaces.push(surface);
    } else {
      const shown = this.surfaces[id] ?? surface;
      if (surface.length < shown.length || (surface.length === shown.length && surface < shown)) this.surfaces[id] = surface;
    }
    return id;
  }

  display(id: number): string {
    return this.surfaces[id] ?? this.keys[id] ?? '';
  }

  isPhrase(id: number): boolean {
    return (this.keys[id] ?? '').includes(' ');
  }
}

/** Term counts of a document: words and adjacent-word phrases, title counted twice. */
function termCounts(doc: Document, vocabulary: Vocabulary): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (text: string, weight: number): void => {
    let previous: { stem: string; surface: string; index: number } | undefined;
    forEachToken(text, (stem, surface, index) => {
      const word = vocabulary.id(stem, surface);
      counts.set(word, (counts.get(word) ?? 0) + weight);
      if (previous && index === previous.index + 1) {
        const phrase = vocabulary.id(`${previous.stem} ${stem}`, `${previous.surface} ${surface}`);
        counts.set(phrase, (counts.get(phrase) ?? 0) + weight);
      }
      previous = { stem, surface, index };
    });
  };
  add(doc.title, TITLE_WEIGHT);
  add(doc.text, 1);
  return counts;
}

/** A sparse, L2-normalised vector: term ids in increasing order and their weights. */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

function cosine(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return Math.round(sum * 1e6) / 1e6;
}

/**
 * The top related papers of every document. Deterministic: ties break on id. Papers with no
 * shared terms are never related, so a paper may have fewer than `limit`.
 */
export function relatedPapers(docs: readonly Document[], options: RelatedOptions = {}): Map<string, Related[]> {
  const { limit = 5, sharedTerms = 4, maxDocumentShare = 0.25, queryTerms = 30, topicWeight = 0.1 } = options;
  const n = docs.length;
  const vocabulary = new Vocabulary();
  const counts = docs.map((d) => termCounts(d, vocabulary));
  const df = new Int32Array(vocabulary.keys.length);
  for (const c of counts) for (const term of c.keys()) df[term] = (df[term] ?? 0) + 1;
  const maxDf = Math.max(2, Math.floor(n * maxDocumentShare));

  // TF-IDF over the terms that can link two documents (in at least two, and not in most).
  const vectors: Vector[] = counts.map((c) => {
    const entries = [...c].filter(([term]) => (df[term] ?? 0) >= 2 && (df[term] ?? 0) <= maxDf).sort((a, b) => a[0] - b[0]);
    const weights = new Float64Array(entries.map(([term, tf]) => (1 + Math.log(tf)) * Math.log(n / (df[term] ?? 1))));
    let norm = 0;
    for (const w of weights) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / norm;
    return { terms: new Int32Array(entries.map(([term]) => term)), weights };
  });

  // Inverted index, as flat arrays: postings of term t are at [start[t], start[t + 1]).
  const start = new Int32Array(vocabulary.keys.length + 1);
  for (const v of vectors) for (const t of v.terms) start[t + 1] = (start[t + 1] as number) + 1;
  for (let t = 0; t < vocabulary.keys.length; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
  const postingDoc = new Int32Array(start[vocabulary.keys.length] as number);
  const postingWeight = new Float64Array(postingDoc.length);
  const fill = start.slice(0, -1);
  vectors.forEach((v, doc) => {
    v.terms.forEach((t, k) => {
      const at = fill[t] as number;
      postingDoc[at] = doc;
      postingWeight[at] = v.weights[k] as number;
      fill[t] = at + 1;
    });
  });

  const byId = (a: number, b: number): number => ((docs[a]?.id ?? '') < (docs[b]?.id ?? '') ? -1 : 1);
  const scores = new Float64Array(n);
  const touched: number[] = [];
  const result = new Map<string, Related[]>();
  vectors.forEach((v, self) => {
    // Candidates come from the document's strongest terms only, then the best are re-ranked by
    // the full cosine.
    const strongest = [...v.weights.keys()]
      .sort((a, b) => (v.weights[b] as number) - (v.weights[a] as number) || (v.terms[a] as number) - (v.terms[b] as number))
      .slice(0, queryTerms);
    for (const k of strongest) {
      const t = v.terms[k] as number;
      const w = v.weights[k] as number;
      for (let p = start[t] as number; p < (start[t + 1] as number); p++) {
        const doc = postingDoc[p] as number;
        if (doc === self) continue;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + w * (postingWeight[p] as number);
      }
    }
    const candidates = topK(touched, limit * 6, (a, b) => (scores[b] as number) - (scores[a] as number) || byId(a, b));
    for (const doc of touched) scores[doc] = 0;
    touched.length = 0;
    // Text similarity decides, and shared topics lift the papers on the same subject above those
    // that merely share words.
    const topics = docs[self]?.topics;
    const ranked = candidates
      .map((doc) => ({ doc, text: cosine(v, vectors[doc] as Vector) }))
      .filter((c) => c.text > 0)
      .map(({ doc, text }) => ({ doc, score: Math.round((text + topicWeight * topicOverlap(topics, docs[doc]?.topics)) * 1e6) / 1e6 }))
      .sort((a, b) => b.score - a.score || byId(a.doc, b.doc))
      .slice(0, limit);
    result.set(
      docs[self]?.id ?? '',
      ranked.map(({ doc, score }) => ({
        id: docs[doc]?.id ?? '',
        score,
        shared: sharedTerms > 0 ? topShared(v, vectors[doc] as Vector, vocabulary, sharedTerms) : [],
      })),
    );
  });
  return result;
}

/** The `k` first items under `compare`, without sorting them all (candidates can be thousands). */
function topK(items: readonly number[], k: number, compare: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1] as number) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1] as number) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/** The terms two documents share that weigh most in both; a phrase replaces the words it holds. */
function topShared(a: Vector, b: Vector, vocabulary: Vocabulary, count: number): string[] {
  const shared: { term: number; score: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) {
      // A shared phrase says more than its words apart ("diffusion models" over "diffusion").
      shared.push({ term: x, score: (a.weights[i] as number) * (b.weights[j] as number) * (vocabulary.isPhrase(x) ? 2 : 1) });
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  shared.sort((p, q) => q.score - p.score || p.term - q.term);
  const picked: string[] = [];
  // Beyond the first few, shared terms weigh too little to be shown.
  for (const { term } of shared.slice(0, count * 4)) {
    const key = vocabulary.keys[term] ?? '';
    const words = key.split(' ');
    const overlapping = picked.filter((p) => p.split(' ').some((w) => words.includes(w)));
    if (overlapping.length === 0) {
      picked.push(key);
    } else if (words.length > 1 && overlapping.every((p) => !p.includes(' '))) {
      picked[picked.indexOf(overlapping[0] ?? '')] = key;
      for (const word of overlapping.slice(1)) picked.splice(picked.indexOf(word), 1);
    }
  }
  return picked
    .map((key) => vocabulary.display(vocabulary.ids.get(key) ?? -1))
    .filter(isKeyPhrase)
    .slice(0, count);
}

/**
 * Whether a shared term explains a relation to a reader: a phrase ("test-time compute"), a
 * compound ("text-to-image") or a name with digits ("gpt-4", "llama3"), never a lone word
 * ("full", "communities"), which two abstracts share by chance.
 */
export const isKeyPhrase = (term: string): boolean => /[\s-]|\p{L}\d|\d\p{L}/u.test(term);
