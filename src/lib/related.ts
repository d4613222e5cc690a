/**
 * Related papers by text similarity: TF-IDF over the words and two-word phrases of each title and
 * abstract, cosine similarity through an inverted index (never a dense pair scan), and the key
 * terms each pair shares. Computed once per build for the whole catalogue.
 */

const STOPWORDS = new Set(
  `a about above across after again against all almost also although always am among an and any
  are around as at be because been before being below between both but by can could did do does
  doing done down during each either else enough especially etc even ever every few for from
  further furthermore had has have having he her here hers herself him himself his how however i
  ie if in into is it its itself just less let like likely made make makes making many may me
  might more moreover most much must my myself namely near nearly neither no nor not now of off
  often on once one only onto or other others otherwise our ours ourselves out over own per
  perhaps quite rather really same several shall she should show shown shows since so some such
  than that the their theirs them themselves then there thereby therefore these they this those
  though through thus to together too toward towards under until up upon us use used uses using
  very via was we well were what whatever when where whereas whether which while who whom whose
  why will with within without would yet you your yours e g eg et al i e
  paper papers work works propose proposed proposes present presents introduce introduces
  introduced approach approaches method methods result results demonstrate demonstrates
  demonstrated achieve achieves achieved significant significantly novel new existing based
  various different specifically extensive experiment experiments experimental effective
  effectively efficient improve improves improved improvement improvements performance study
  studies code available state art first two three key provide provides further better large
  high low number task tasks evidence insight insights assess area areas domain domains
  advancement advancements superiority real world quality increasing principled unclear
  methodology four five six seven eight nine ten collected promising major million billion
  thousand potential range wide variety simple simply general generally widely commonly common
  crucial critical important importance challenge challenging challenges issue issues problem
  problems question questions factor factors aspect aspects role way ways level levels lead leads
  leading allow allows enable enables enabling remain remains respectively able ability strong
  stronger small smaller larger largest higher lower best good great previous prior recent
  recently current currently standard typical typically given find finds found finding findings
  observe observed observation shows showed analysis analyze analyzed investigate investigates
  investigated explore explores explored address addresses addressed consider considered help
  helps overall additional additionally instead particular particularly specific still end
  without compared compare comparable outperform outperforms superior due`.split(/\s+/u),
);

/** Reduces a word to a crude stem: lowercase, plural endings off. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is|ys)$/u.test(w)) return w.slice(0, -1);
  return w;
}

export interface Token {
  stem: string;
  /** The word as written, for display. */
  surface: string;
  /** Position among all words of the text, stopwords included, so phrases never skip a word. */
  index: number;
}

const isNoise = (word: string): boolean => word.length < 2 || STOPWORDS.has(word) || /^\d+(?:\.\d+)?$/u.test(word);

/**
 * Content words of a text, in order, with their stems. A hyphenated compound (`test-time`,
 * `text-to-image`) is one term; its last part is stemmed.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  for (const m of text
    .normalize('NFKC')
    .replace(/['’]s\b/gu, '')
    .matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    index += 1;
    const lower = m[0].toLowerCase();
    const parts = lower.split('-');
    if (parts.every(isNoise)) continue;
    const last = parts.at(-1) ?? lower;
    tokens.push({ stem: [...parts.slice(0, -1), stem(last)].join('-'), surface: lower, index });
  }
  return tokens;
}

export interface Document {
  id: string;
  title: string;
  text: string;
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
}

const TITLE_WEIGHT = 2;

/** Term features of a document: words and adjacent-word phrases, title counted twice. */
function features(doc: Document, surfaces: Map<string, Map<string, number>>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (tokens: Token[], weight: number): void => {
    tokens.forEach((t, i) => {
      const grams: [string, string][] = [[t.stem, t.surface]];
      const next = tokens[i + 1];
      if (next && next.index === t.index + 1) grams.push([`${t.stem} ${next.stem}`, `${t.surface} ${next.surface}`]);
      for (const [key, surface] of grams) {
        counts.set(key, (counts.get(key) ?? 0) + weight);
        const forms = surfaces.get(key) ?? new Map<string, number>();
        forms.set(surface, (forms.get(surface) ?? 0) + 1);
        surfaces.set(key, forms);
      }
    });
  };
  add(tokenize(doc.title), TITLE_WEIGHT);
  add(tokenize(doc.text), 1);
  return counts;
}

/**
 * The top related papers of every document. Deterministic: ties break on id. Papers with no
 * shared terms are never related, so a paper may have fewer than `limit`.
 */
export function relatedPapers(docs: readonly Document[], options: RelatedOptions = {}): Map<string, Related[]> {
  const { limit = 5, sharedTerms = 4, maxDocumentShare = 0.25, queryTerms = 30 } = options;
  const n = docs.length;
  const surfaces = new Map<string, Map<string, number>>();
  const raw = docs.map((d) => features(d, surfaces));

  const df = new Map<string, number>();
  for (const counts of raw) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const maxDf = Math.max(2, Math.floor(n * maxDocumentShare));

  // Weighted, L2-normalised vectors over terms that can link two documents.
  const vectors = raw.map((counts) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of counts) {
      const d = df.get(term) ?? 0;
      if (d < 2 || d > maxDf) continue;
      const w = (1 + Math.log(tf)) * Math.log(n / d);
      v.set(term, w);
      norm += w * w;
    }
    const length = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / length);
    return v;
  });

  const postings = new Map<string, { doc: number; w: number }[]>();
  vectors.forEach((v, doc) => {
    for (const [term, w] of v) {
      const list = postings.get(term) ?? [];
      list.push({ doc, w });
      postings.set(term, list);
    }
  });

  const byId = (a: number, b: number): number => ((docs[a]?.id ?? '') < (docs[b]?.id ?? '') ? -1 : 1);
  const scores = new Float64Array(n);
  const touched: number[] = [];
  const result = new Map<string, Related[]>();
  vectors.forEach((v, self) => {
    const strongest = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, queryTerms);
    for (const [term, w] of strongest) {
      for (const p of postings.get(term) ?? []) {
        if (p.doc === self) continue;
        if (scores[p.doc] === 0) touched.push(p.doc);
        scores[p.doc] = (scores[p.doc] ?? 0) + w * p.w;
      }
    }
    // Candidates come from the strongest terms only; re-rank the best of them by the full cosine.
    const candidates = touched
      .map((doc) => ({ doc, score: scores[doc] ?? 0 }))
      .sort((a, b) => b.score - a.score || byId(a.doc, b.doc))
      .slice(0, limit * 3);
    for (const doc of touched) scores[doc] = 0;
    touched.length = 0;
    const ranked = candidates
      .map(({ doc }) => ({ doc, score: exactScore(v, vectors[doc]) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score || byId(a.doc, b.doc))
      .slice(0, limit);
    result.set(
      docs[self]?.id ?? '',
      ranked.map(({ doc, score }) => ({
        id: docs[doc]?.id ?? '',
        score,
        shared: sharedTerms > 0 ? topShared(v, vectors[doc], surfaces, sharedTerms) : [],
      })),
    );
  });
  return result;
}

/** Full cosine between two normalised vectors (candidates were found with the strongest terms only). */
function exactScore(a: Map<string, number>, b: Map<string, number> | undefined): number {
  if (!b) return 0;
  let sum = 0;
  for (const [term, w] of a) sum += w * (b.get(term) ?? 0);
  return Math.round(sum * 1e6) / 1e6;
}

function topShared(
  a: Map<string, number>,
  b: Map<string, number> | undefined,
  surfaces: Map<string, Map<string, number>>,
  count: number,
): string[] {
  if (!b) return [];
  const shared = [...a]
    .filter(([term]) => b.has(term))
    // A shared phrase says more than its words apart ("diffusion models" over "diffusion").
    .map(([term, w]) => ({ term, score: w * (b.get(term) ?? 0) * (term.includes(' ') ? 2 : 1) }))
    .sort((x, y) => y.score - x.score || (x.term < y.term ? -1 : 1));
  const picked: string[] = [];
  for (const { term } of shared) {
    const words = term.split(' ');
    const overlapping = picked.filter((p) => p.split(' ').some((w) => words.includes(w)));
    if (overlapping.length === 0) {
      if (picked.length < count) picked.push(term);
    } else if (words.length > 1 && overlapping.every((p) => !p.includes(' '))) {
      // A phrase replaces the single words it contains ("diffusion" → "diffusion models").
      picked[picked.indexOf(overlapping[0] ?? '')] = term;
      for (const word of overlapping.slice(1)) picked.splice(picked.indexOf(word), 1);
    }
  }
  return picked.map((term) => displayForm(term, surfaces));
}

function displayForm(term: string, surfaces: Map<string, Map<string, number>>): string {
  const forms = [...(surfaces.get(term) ?? new Map<string, number>())];
  forms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return forms[0]?.[0] ?? term;
}
