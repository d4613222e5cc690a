/**
 * Text with inline TeX math, the format of titles and abstracts.
 *
 * A string is plain text in which `$…$` marks an inline math span. A literal dollar is written `\$`
 * and a literal backslash `\\`; any other backslash is literal. A span opens on a `$` that is not
 * followed by whitespace and closes on the next `$` that is not preceded by whitespace or by a
 * backslash, so `costs $5 and $10` stays text. {@link joinTex} is the exact inverse of
 * {@link splitTex}.
 */
import katex from 'katex';
import { GREEK } from './text.ts';

export type Segment = { kind: 'text'; value: string } | { kind: 'math'; tex: string };

/**
 * Splits a string in the title/abstract format into text and math segments. With `raw` (text
 * scraped from a listing, not yet in this format) only `\$` is an escape; `\\` stays two backslashes.
 */
export function splitTex(source: string, { raw = false }: { raw?: boolean } = {}): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  const pushText = (): void => {
    if (text) segments.push({ kind: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\' && (source[i + 1] === '$' || (!raw && source[i + 1] === '\\'))) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '$') {
      const end = closingDollar(source, i + 1);
      if (end > 0) {
        pushText();
        segments.push({ kind: 'math', tex: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  pushText();
  return segments;
}

/** Index of the `$` that closes a span whose content starts at `from`, or -1. */
function closingDollar(source: string, from: number): number {
  const first = source[from];
  if (first === undefined || /\s|\$/u.test(first)) return -1;
  const end = source.indexOf('$', from);
  if (end < 0) return -1;
  const last = source[end - 1] ?? '';
  if (/\s/u.test(last) || last === '\\') return -1;
  return end;
}

/** Joins segments back into the title/abstract format, escaping literal `$` and `\`. */
export function joinTex(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'math' ? `$${s.tex}$` : s.value.replace(/[\\$]/gu, (c) => `\\${c}`))).join('');
}

/** True when `tex` can be written as a span that {@link splitTex} reads back unchanged. */
export function isValidSpan(tex: string): boolean {
  return tex !== '' && !tex.includes('$') && !/^\s|\s$|\\$/u.test(tex);
}

/** TeX macro names whose backslash a scrape may strip, mapped to a Unicode rendering. */
export const TEX_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ...GREEK,
  ['cdot', '·'],
  ['times', '×'],
  ['infty', '∞'],
  ['to', '→'],
  ['rightarrow', '→'],
  ['leftarrow', '←'],
  ['leftrightarrow', '↔'],
  ['Rightarrow', '⇒'],
  ['approx', '≈'],
  ['sim', '∼'],
  ['leq', '≤'],
  ['geq', '≥'],
  ['le', '≤'],
  ['ge', '≥'],
  ['neq', '≠'],
  ['pm', '±'],
  ['partial', '∂'],
  ['nabla', '∇'],
  ['sqrt', '√'],
  ['ell', 'ℓ'],
]);

const SUPERSCRIPT: ReadonlyMap<string, string> = new Map([
  ['0', '⁰'],
  ['1', '¹'],
  ['2', '²'],
  ['3', '³'],
  ['4', '⁴'],
  ['5', '⁵'],
  ['6', '⁶'],
  ['7', '⁷'],
  ['8', '⁸'],
  ['9', '⁹'],
  ['+', '⁺'],
  ['-', '⁻'],
  ['−', '⁻'],
  ['=', '⁼'],
  ['(', '⁽'],
  [')', '⁾'],
  ['n', 'ⁿ'],
  ['i', 'ⁱ'],
]);
const SUBSCRIPT: ReadonlyMap<string, string> = new Map([
  ['0', '₀'],
  ['1', '₁'],
  ['2', '₂'],
  ['3', '₃'],
  ['4', '₄'],
  ['5', '₅'],
  ['6', '₆'],
  ['7', '₇'],
  ['8', '₈'],
  ['9', '₉'],
  ['+', '₊'],
  ['-', '₋'],
  ['−', '₋'],
  ['=', '₌'],
  ['(', '₍'],
  [')', '₎'],
]);

/** Binary operators and relations, which TeX sets with space around them. */
const SPACED = new Set([
  'cdot',
  'times',
  'to',
  'rightarrow',
  'leftarrow',
  'leftrightarrow',
  'Rightarrow',
  'approx',
  'sim',
  'leq',
  'geq',
  'le',
  'ge',
  'neq',
  'pm',
]);

/** The first TeX name of each symbol (`μ` → `mu`, `→` → `to`). */
const SYMBOL_NAMES = new Map<string, string>();
for (const [name, symbol] of TEX_SYMBOLS) if (!SYMBOL_NAMES.has(symbol)) SYMBOL_NAMES.set(symbol, name);
// The commands that draw these shapes (\epsilon draws ϵ, \phi ϕ), and √ without an argument.
SYMBOL_NAMES.set('ε', 'varepsilon').set('φ', 'varphi').set('√', 'surd');
/** Script characters back to TeX; the first (ASCII) form wins where two map to one (- and −). */
const invert = (table: ReadonlyMap<string, string>): Map<string, string> => {
  const map = new Map<string, string>();
  for (const [k, v] of table) if (!map.has(v)) map.set(v, k);
  return map;
};
const FROM_SUPERSCRIPT = invert(SUPERSCRIPT);
const FROM_SUBSCRIPT = invert(SUBSCRIPT);

/**
 * Text with its Unicode math (Greek letters, arrows, super- and subscripts) written as TeX, for
 * BibTeX, which classic LaTeX reads as ASCII: `SP²OT via μP` → `SP$^{2}$OT via $\mu$P`.
 */
export function unicodeToTex(text: string): string {
  return text
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ]+/gu, (run) => `$^{${[...run].map((c) => FROM_SUPERSCRIPT.get(c) ?? c).join('')}}$`)
    .replace(/[₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎]+/gu, (run) => `$_{${[...run].map((c) => FROM_SUBSCRIPT.get(c) ?? c).join('')}}$`)
    .replace(/./gu, (c) => {
      const name = SYMBOL_NAMES.get(c);
      return name === undefined ? c : `$\\${name}$`;
    });
}

/** Unicode superscript for `s`, or undefined when a character has none. */
export function toSuperscript(s: string): string | undefined {
  return mapAll(s, SUPERSCRIPT);
}

/** Unicode subscript for `s`, or undefined when a character has none. */
export function toSubscript(s: string): string | undefined {
  return mapAll(s, SUBSCRIPT);
}

function mapAll(s: string, table: ReadonlyMap<string, string>): string | undefined {
  let out = '';
  for (const ch of s) {
    const mapped = table.get(ch);
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

/**
 * A readable Unicode approximation of an inline TeX formula, for places that cannot show math
 * (the `<title>`, feeds, preview images, BibTeX). Anything it cannot map stays as TeX source.
 */
export function texToUnicode(tex: string): string {
  let out = tex
    // A degree sign: 360^\circ, 90^{\circ}.
    .replace(/\^\s*\{?\s*\\circ\s*\}?/gu, '°')
    .replace(/\\(?:mathrm|text|mathit|mathbf|operatorname)\{([^{}]*)\}/gu, '$1');
  // Operators and relations get a space on each side, as TeX spaces them (`A\cdot S` is A · S,
  // not A· S); other symbols keep the spacing as written.
  out = out.replace(/\\([A-Za-z]+)(\s*)/gu, (whole, name: string, space: string) => {
    const symbol = TEX_SYMBOLS.get(name);
    if (symbol === undefined) return whole;
    return SPACED.has(name) ? ` ${symbol} ` : `${symbol}${space}`;
  });
  out = out.replace(/([\^_])\{([^{}]*)\}|([\^_])(\S)/gu, (_whole, op1?: string, grp?: string, op2?: string, one?: string) => {
    const op = op1 ?? op2;
    const body = grp ?? one ?? '';
    const mapped = op === '^' ? toSuperscript(body) : toSubscript(body);
    if (mapped !== undefined) return mapped;
    // Without Unicode scripts, plain-text notation: D_KL, and parentheses only where needed, S^(-α).
    if (grp === undefined || /^[\p{L}\p{N}]+$/u.test(body)) return `${op}${body}`;
    return `${op}(${body})`;
  });
  return out
    .replace(/\\([,;:! ])/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Plain text of segments: math spans as their Unicode approximation. */
export function segmentsToText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'math' ? texToUnicode(s.tex) : s.value)).join('');
}

/** Plain text of a title or abstract in the `$…$` format. */
export function texToText(source: string): string {
  return segmentsToText(splitTex(source));
}

const escapeText = (text: string): string => text.replace(/[&<>]/gu, (c) => `&#${c.codePointAt(0)};`);

const KATEX = { output: 'mathml', throwOnError: true, trust: false, strict: 'ignore', maxExpand: 100 } as const;

/** Whether the page typesets `tex` (else it shows its source): exports pass on only TeX the page accepts. */
export function isTypeset(tex: string): boolean {
  try {
    katex.renderToString(tex, KATEX);
    return true;
  } catch {
    return false;
  }
}

/**
 * Renders an inline formula to MathML at build time. MathML needs no client script, no
 * stylesheet and no web font: the browser typesets it. Untrusted input is safe here:
 * `trust: false` refuses `\href`, `\url` and HTML extensions, and invalid TeX shows as its source.
 */
export function renderTex(tex: string): string {
  try {
    const mathml = katex.renderToString(tex, KATEX);
    // The search index reads the formula as its readable text, in place (2¹²⁸), never as the
    // MathML's letters run together or its TeX annotation (x2x^{2}); readers and screen readers get the MathML.
    return `<span data-pagefind-ignore>${mathml}</span><span hidden>${escapeText(texToUnicode(tex))}</span>`;
  } catch {
    // KaTeX's own error rendering uses an inline style, which the CSP forbids; show the source.
    return `<code class="tex-error">${tex.replace(/[&<>"]/gu, (c) => `&#${c.codePointAt(0)};`)}</code>`;
  }
}
