/**
 * Repairs the damage that scraping a rendered listing does to TeX: macros that lost their
 * backslash (`Acdot`, `rightarrow`), TeX quotes and dashes, numeric character references that lost
 * their `&#` (`x2014`), and scripts written with `^`/`_` outside math.
 *
 * Every rule is named, so the ingest can say which rules changed an entry, and each is unit-tested
 * on its own. Rules never run inside URLs. The output is in the `$…$` format of `src/lib/math.ts`.
 */
import { TEX_SYMBOLS, isValidSpan, joinTex, splitTex, texToUnicode, toSubscript, toSuperscript, type Segment } from '../../src/lib/math.ts';
import { findUrls } from '../../src/lib/links.ts';

export interface TextRule {
  name: string;
  description: string;
  apply: (text: string) => string;
  /** Runs on the whole text before URLs are set apart: the rule rewrites what wraps a URL. */
  aroundUrls?: boolean;
}

/** Marks a math span produced by a text rule; replaced by a real span before joining. */
const MATH_OPEN = '\uE000';
const MATH_CLOSE = '\uE001';
const mathMark = (tex: string): string => `${MATH_OPEN}${tex}${MATH_CLOSE}`;

/** Greek names that are not also everyday words in abstracts (`Kendall-tau` stays as written). */
const GREEK_NAMES = 'alpha|beta|gamma|delta|epsilon|zeta|theta|kappa|lambda|sigma|omega';
const greek = (name: string): string => TEX_SYMBOLS.get(name) ?? name;

const CODEPOINTS: ReadonlyMap<string, string> = new Map([
  ['2013', '–'],
  ['2014', '—'],
  ['2018', '‘'],
  ['2019', '’'],
  ['201C', '“'],
  ['201D', '”'],
  ['2022', '•'],
  ['2026', '…'],
]);

/** TeX's text-style macros: their argument is the text. */
const TEXT_MACROS = 'textsc|textbf|textit|textrm|textsf|texttt|textup|textmd|textnormal|emph|mbox|text|mathrm|mathbf|mathit|mathsf|mathtt';
/** Abbreviation macros papers define for themselves, with the text every one of them expands to. */
const ABBREVIATIONS = new Map([
  ['eg', 'e.g.'],
  ['ie', 'i.e.'],
  ['etal', 'et al.'],
  ['etc', 'etc.'],
  ['wrt', 'w.r.t.'],
  ['vs', 'vs.'],
  ['cf', 'cf.'],
]);
const DASHES = new Map([
  ['-', '-'],
  ['--', '–'],
  ['---', '—'],
]);

/** Rules for text outside math, in the order they run. */
export const TEXT_RULES: readonly TextRule[] = [
  {
    name: 'tex-text-macros',
    description: 'A TeX text-style macro becomes its argument: `\\textsc{AIEV-Instruct}` → AIEV-Instruct, `\\emph{1.46}` → 1.46',
    apply: (t) => t.replace(new RegExp(`\\\\(?:${TEXT_MACROS})\\s*\\{([^{}]*)\\}`, 'gu'), '$1'),
  },
  {
    name: 'tex-url',
    description:
      'A TeX link becomes its address: `\\url{https://x.org}` → https://x.org, `\\href{https://x.org}{site}` → site (https://x.org)',
    apply: (t) => t.replace(/\\url\s*\{([^{}\s]+)\}/gu, '$1').replace(/\\href\s*\{([^{}\s]+)\}\s*\{([^{}]*)\}/gu, '$2 ($1)'),
    aroundUrls: true,
  },
  {
    name: 'tex-abbreviations',
    description: 'An abbreviation macro becomes its text: `\\eg,` → e.g., `\\ie` → i.e., `\\etal` → et al.',
    apply: (t) =>
      t.replace(/\\(eg|ie|etal|etc|wrt|vs|cf)(?![A-Za-z])(?:\{\})?\.?/gu, (whole, name: string) => ABBREVIATIONS.get(name) ?? whole),
  },
  {
    name: 'tex-nobreakdash',
    description: '`\\nobreakdash-` becomes a hyphen, `\\nobreakdash--` an en dash',
    apply: (t) => t.replace(/\\nobreakdash(-{1,3})/gu, (whole, dashes: string) => DASHES.get(dashes) ?? whole),
  },
  {
    name: 'tex-degree',
    description: 'A degree sign written in TeX outside math becomes °: `360^circ` → 360°, `90^\\circ` → 90°',
    apply: (t) => t.replace(/(?<=[\d)])\s?\^\s?\{?\\?circ\}?(?![A-Za-z])/gu, '°'),
  },
  {
    name: 'tex-tie',
    description:
      'A TeX tie between a word and what follows becomes a space: `Genre-Audience~(MAGA)` → Genre-Audience (MAGA), `Fig.~3` → Fig. 3; `~10%`, `1~2` and `10X~20X` (ranges) stay',
    // The word before the tie starts with a non-digit: after a quantity (10X~20X) it reads "to".
    apply: (t) => t.replace(/(?<=(?:^|[\s(])[^\s\d~][^\s~]*[\p{L}.])~(?=[\p{L}\p{N}([])/gu, ' '),
  },
  {
    name: 'tex-specials',
    description: 'TeX-escaped specials become the character: `\\%` → %, `\\&` → &, `\\#` → #, `\\_` → _',
    apply: (t) => t.replace(/\\([%&#_])/gu, '$1'),
  },
  {
    name: 'tex-quotes',
    description: "Paired TeX quotes become typographic quotes: ``a'' → “a”, `a' → ‘a’ (unpaired backticks stay)",
    apply: (t) => t.replace(/``([^`]*?)''/gu, '“$1”').replace(/(^|[\s(])`([^`']+)'(?=[\s).,;:!?]|$)/gu, '$1‘$2’'),
  },
  {
    name: 'tex-dashes',
    description: 'Dashes between words: `a---b` → a—b, `a--b` → a—b, `1--2` → 1–2, `a -- b` → a – b (a lone `---` stays)',
    apply: (t) =>
      t
        .replace(/(?<=\S)---(?=\S)/gu, '—')
        .replace(/(\d)--(\d)/gu, '$1–$2')
        .replace(/(?<=[^\s-])--(?=[^\s-])/gu, '—')
        .replace(/(?<=\w[.,;:!?)]?\s)--(?=\s+\w)/gu, '–'),
  },
  {
    name: 'stripped-codepoint',
    description: 'A character reference that lost its `&#` becomes its character: `runx2014each` → run—each',
    apply: (t) => t.replace(/(?<![0-9&#])x(201[3489CD]|2022|2026)(?![0-9])/gu, (_m, hex: string) => CODEPOINTS.get(hex) ?? _m),
  },
  {
    name: 'tex-arrows',
    description: 'Arrow macros become arrows: `rightarrow` → →, `imageleftrightarrowtext` → image↔text',
    apply: (t) =>
      t
        .replace(/(?:long)?leftrightarrow/gu, '↔')
        .replace(/(?:long)?rightarrow/gu, '→')
        .replace(/(?:long)?leftarrow/gu, '←')
        .replace(/Leftrightarrow/gu, '⇔')
        .replace(/Rightarrow/gu, '⇒')
        .replace(/Leftarrow/gu, '⇐'),
  },
  {
    name: 'tex-times',
    description: '`times` glued to a number becomes ×: `256times256` → 256×256, `4timesRTX` → 4×RTX, `22times less` → 22× less',
    apply: (t) => t.replace(/(\d)times ?(?=\d)/gu, '$1×').replace(/(\d)times(?=[A-Z\s.,;:!?)]|$)/gu, '$1×'),
  },
  {
    name: 'tex-font-size',
    description: 'A stripped size macro before a letter is dropped and the letter set small: `scriptsizeFLaws` → fLaws',
    apply: (t) => t.replace(/(?:scriptsize|footnotesize|scriptscriptstyle)([A-Z])/gu, (_m, c: string) => c.toLowerCase()),
  },
  {
    name: 'tex-font-switch',
    description:
      'A stripped font switch before a name is dropped: `(rm StatsQ)` → (StatsQ), `mathrm{x}` → x; `(it is cheap)` is prose and stays',
    apply: (t) =>
      // \rm, \tt and \sf never start prose; "it" and "bf" can, so only before a name.
      t
        .replace(/\((?:rm|tt|sf)\s+(?=\S)|\((?:bf|it)\s+(?=[A-Z])/gu, '(')
        .replace(/(?<!\\)\b(?:mathrm|textrm|textbf|textit|textsc|mathbf|texttt|emph)\{([^{}]*)\}/gu, '$1'),
  },
  {
    name: 'tex-bullet',
    description: 'A stripped `\\bullet` that starts an item becomes •',
    apply: (t) => t.replace(/(^|[:;.?!]\s+)bullet\s+(?=[A-Z])/gu, '$1• '),
  },
  {
    name: 'tex-space',
    description: 'A stripped `\\space` between a number and a word becomes a space: `3 space billion` → 3 billion',
    apply: (t) => t.replace(/(\d)\s+space\s+(?=[a-z])/gu, '$1 '),
  },
  {
    name: 'greek-letters',
    description:
      'Greek letter names that lost their backslash become letters: `gamma to infty` → γ → ∞, `muP` → μP, `PixArt-alpha` → PixArt-α, `DepsilonpS` → DεpS',
    apply: (t) =>
      t
        .replace(new RegExp(`\\b(${GREEK_NAMES}) to infty\\b`, 'gu'), (_m, g: string) => `${greek(g)} → ∞`)
        .replace(/\binfty\b/gu, '∞')
        .replace(/(?<![A-Za-z])mu(?=P\b)/gu, 'μ')
        .replace(new RegExp(`(?<=\\b[A-Z][A-Za-z0-9]*)-(${GREEK_NAMES})\\b`, 'gu'), (_m, g: string) => `-${greek(g)}`)
        .replace(new RegExp(`\\b(${GREEK_NAMES})-(?=[A-Z])`, 'gu'), (_m, g: string) => `${greek(g)}-`)
        .replace(new RegExp(`(?<=\\b[A-Z])(${GREEK_NAMES})(?=[a-z]?[A-Z])`, 'gu'), (g: string) => greek(g)),
  },
  {
    name: 'tex-superscript',
    description: 'A superscript outside math becomes Unicode or math: `SP^2OT` → SP²OT, `10^{19}` → 10¹⁹, `x^{ab}` → $x^{ab}$',
    apply: (t) =>
      t
        .replace(/([A-Za-z0-9]+)\^\{([^{}]+)\}/gu, (_m, base: string, exp: string) => {
          const sup = toSuperscript(exp);
          return sup === undefined ? mathMark(`${base}^{${exp}}`) : `${base}${sup}`;
        })
        .replace(/(?<=[A-Za-z0-9)\]])\^(\d+)/gu, (_m, exp: string) => toSuperscript(exp) ?? _m),
  },
  {
    name: 'tex-subscript',
    description:
      'A subscript outside math becomes Unicode or math: `CO_2` → CO₂, `S_1` → S₁, `D_{KL}` → $D_{KL}$; an identifier such as `top_5` stays',
    apply: (t) =>
      t
        .replace(/\b([A-Za-z]+)_\{([^{}]+)\}/gu, (_m, base: string, sub: string) => {
          const low = toSubscript(sub);
          return low === undefined ? mathMark(`${base}_{${sub}}`) : `${base}${low}`;
        })
        // One letter or a formula in capitals (S_1, CO_2); lower-case words (top_5, gpt_3) are identifiers.
        .replace(/\b([A-Za-z]|[A-Z]{2,3})_(\d+)\b/gu, (_m, base: string, sub: string) => `${base}${toSubscript(sub) ?? sub}`),
  },
];

/** Macro names restored inside math when they lost their backslash. Longest first. */
const MATH_MACROS = [
  ...TEX_SYMBOLS.keys(),
  'frac',
  'sum',
  'prod',
  'log',
  'exp',
  'min',
  'max',
  'ldots',
  'cdots',
  'mathrm',
  'mathcal',
  'mathbb',
]
  .filter((name, i, all) => all.indexOf(name) === i)
  .sort((a, b) => b.length - a.length || a.localeCompare(b));
/** Names short or common enough to be letters of a formula: restored only when they stand alone. */
const STANDALONE_ONLY = new Set([
  'to',
  'mu',
  'nu',
  'pi',
  'xi',
  'eta',
  'le',
  'ge',
  'pm',
  'sim',
  'min',
  'max',
  'log',
  'exp',
  'ell',
  'chi',
  'phi',
  'psi',
  'rho',
  'tau',
]);

/**
 * `math-macros`: inside math, a macro name without its backslash gets it back
 * (`Acdot S_1^{-alpha}` → `A\cdot S_1^{-\alpha}`).
 */
export function restoreMacros(tex: string): string {
  const names = MATH_MACROS.join('|');
  return tex.replace(
    new RegExp(`(\\\\?)(${names})(?=([A-Za-z]?))`, 'gu'),
    (whole, slash: string, name: string, next: string, offset: number, all: string) => {
      if (slash) return whole;
      const before = all[offset - 1] ?? '';
      if (STANDALONE_ONLY.has(name) && (/[A-Za-z]/u.test(before) || next)) return whole;
      if (next && !STANDALONE_ONLY.has(name)) {
        // A letter right after a long name (`cdotS`) still ends the macro: add the space TeX needs.
        return `\\${name} `;
      }
      return `\\${name}`;
    },
  );
}

/**
 * `math-prose`: a math span that swallowed a run of prose (`… - Ccdot S_2 Where S_1 is forward
 * area and S_2`) is cut where the prose starts; the prose goes back to the text rules.
 */
export function splitProse(tex: string): { math: string; prose: string } {
  const tokens = [...tex.matchAll(/\S+/gu)];
  const isWord = (w: string): boolean =>
    /^[A-Za-z]{3,}[,.;:]?$/u.test(w) && !MATH_MACROS.some((m) => w.toLowerCase().includes(m.toLowerCase()));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || !isWord(token[0])) continue;
    const wordsAfter = tokens.slice(i).filter((t) => isWord(t[0])).length;
    if (wordsAfter >= 3 && i > 0) {
      const at = token.index;
      return { math: tex.slice(0, at).trimEnd(), prose: tex.slice(at) };
    }
  }
  return { math: tex, prose: '' };
}

/** `simple-math`: a span holding only digits, signs, scripts and Greek letters becomes Unicode (`$^2$` → ²). */
export function simplifyMath(tex: string): string | undefined {
  const withoutMacros = tex.replace(/\\[A-Za-z]+/gu, '');
  if (/[A-Za-z]/u.test(withoutMacros)) return undefined;
  const text = texToUnicode(tex);
  return /[\\^_{}]/u.test(text) ? undefined : text;
}

/** Applies the text rules outside URLs. Returns the text and the names of the rules that changed it. */
function repairPlain(raw: string, fired: Set<string>): string {
  const run = (rules: readonly TextRule[], part: string): string =>
    rules.reduce((acc, rule) => {
      const next = rule.apply(acc);
      if (next !== acc) fired.add(rule.name);
      return next;
    }, part);
  const text = run(
    TEXT_RULES.filter((r) => r.aroundUrls),
    raw,
  );
  const urls = findUrls(text);
  let out = '';
  let last = 0;
  const fix = (part: string): string =>
    run(
      TEXT_RULES.filter((r) => !r.aroundUrls),
      part,
    );
  for (const url of urls) {
    out += fix(text.slice(last, url.start)) + text.slice(url.start, url.end);
    last = url.end;
  }
  return out + fix(text.slice(last));
}

function unmark(text: string): Segment[] {
  const segments: Segment[] = [];
  const re = new RegExp(`${MATH_OPEN}([^${MATH_CLOSE}]*)${MATH_CLOSE}`, 'gu');
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) segments.push({ kind: 'text', value: text.slice(last, m.index) });
    segments.push({ kind: 'math', tex: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', value: text.slice(last) });
  return segments;
}

/** Collapses whitespace, then merges neighbouring text segments. */
function tidy(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out.at(-1);
    if (s.kind === 'text' && prev?.kind === 'text') prev.value += s.value;
    else out.push({ ...s });
  }
  return out
    .map((s) => (s.kind === 'text' ? { ...s, value: s.value.replace(/\s+/gu, ' ') } : s))
    .filter((s) => s.kind === 'math' || s.value !== '');
}

export interface Repaired {
  /** The repaired text in the `$…$` format. */
  text: string;
  /** Names of the rules that changed something, in rule order. */
  rules: string[];
}

/**
 * Text and math of a scraped text, where a URL that holds a whole `$…$` is text: as math,
 * `https://github.com/a/b$c$d` would be linked as `…/a/b` with `c` typeset, while its link is the
 * whole URL.
 */
function splitMath(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const url of findUrls(text)) {
    if (!splitTex(url.url, { raw: true }).some((s) => s.kind === 'math')) continue;
    segments.push(...splitTex(text.slice(last, url.start), { raw: true }), { kind: 'text', value: url.url });
    last = url.end;
  }
  return [...segments, ...splitTex(text.slice(last), { raw: true })];
}

/** Repairs one title or abstract from a listing. */
export function repair(raw: string): Repaired {
  const fired = new Set<string>();
  const normalised = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const segments: Segment[] = [];
  // In a scraped listing only \$ is an escape (a TeX literal dollar); every other backslash is text.
  for (const seg of splitMath(normalised)) {
    if (seg.kind === 'text') {
      segments.push(...unmark(repairPlain(seg.value, fired)));
      continue;
    }
    const { math, prose } = splitProse(seg.tex);
    if (prose) fired.add('math-prose');
    const restored = restoreMacros(math);
    if (restored !== math) fired.add('math-macros');
    const simple = simplifyMath(restored);
    if (simple !== undefined) fired.add('simple-math');
    if (simple !== undefined) segments.push({ kind: 'text', value: simple });
    else if (isValidSpan(restored)) segments.push({ kind: 'math', tex: restored });
    else segments.push({ kind: 'text', value: `$${restored}$` });
    if (prose) segments.push(...unmark(repairPlain(` ${prose}`, fired)));
  }
  const text = joinTex(tidy(segments)).trim();
  const order = [...TEXT_RULES.map((r) => r.name), 'math-prose', 'math-macros', 'simple-math'];
  return { text, rules: order.filter((name) => fired.has(name)) };
}
