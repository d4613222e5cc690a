/**
 * Text and math as TeX that is safe to hand to someone else's LaTeX: the BibTeX export, and later
 * any citation format that carries TeX. Safe means:
 *
 * - every brace is one we wrote, balanced, and nested at most {@link MAX_DEPTH} deep (BibTeX counts
 *   braces even after a backslash, so a literal brace is `\textbraceleft{}`, never `\{`);
 * - every command is in a small set that only typesets (Greek letters, operators, arrows, fonts,
 *   fractions): `\input`, `\write18`, `\def`, `\catcode`, `\csname`, `\url`… never pass;
 * - `%`, `#`, `&`, `~`, `^`, `_` and `$` are escaped where they would be syntax.
 *
 * A math span outside the set, or one the page itself could not typeset, becomes its Unicode
 * rendering, written as text.
 */
import { isTypeset, segmentsToText, texToUnicode, unicodeToTex, type Segment } from './math.ts';
import { GREEK } from './text.ts';

/** How deep braces may nest in a field: real titles need two or three levels. */
const MAX_DEPTH = 8;

/** Commands a math span may hold: they typeset a symbol or a layout, and do nothing else. */
const MATH_COMMANDS = new Set([
  ...GREEK.keys(),
  ...'Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega varphi vartheta varrho varsigma varpi'.split(' '),
  ...'cdot times div pm mp ast star circ bullet oplus otimes odot wedge vee cap cup setminus'.split(' '),
  ...'leq geq le ge neq ne approx sim simeq cong equiv propto ll gg in notin ni subset subseteq supset supseteq mid parallel perp'.split(
    ' ',
  ),
  ...'to gets rightarrow leftarrow leftrightarrow Rightarrow Leftarrow Leftrightarrow mapsto uparrow downarrow'.split(' '),
  ...'infty partial nabla ell hbar prime emptyset forall exists neg top bot surd dots ldots cdots vdots ddots'.split(' '),
  ...'sum prod int oint lim limsup liminf max min sup inf arg log ln exp sin cos tan det dim ker Pr'.split(' '),
  ...'frac dfrac tfrac sqrt binom hat tilde bar vec dot ddot widehat widetilde overline underline'.split(' '),
  ...'mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak boldsymbol operatorname text textrm textit textbf'.split(' '),
  ...'left right big Big bigg Bigg langle rangle lfloor rfloor lceil rceil lbrace rbrace vert Vert quad qquad'.split(' '),
]);
/** Commands text is written with ({@link texText}): they print one character. */
const TEXT_COMMANDS = new Set([
  'textbackslash',
  'textbraceleft',
  'textbraceright',
  'textasciicircum',
  'textasciitilde',
  'textasciigrave',
  'textless',
  'textgreater',
  'textbar',
]);
/** `\x` for a non-letter x: thin and negative spaces, and escaped specials. */
const CONTROL_SYMBOLS = new Set([',', ';', ':', '!', ' ', '|', '%', '&', '#', '_', '$']);

const TOKEN = /\\[A-Za-z]+|\\[^A-Za-z]?|[^\\]/gsu;
/** Characters math may hold as they are: ASCII letters, digits, spaces and harmless punctuation. */
const MATH_CHAR = /^[A-Za-z0-9 +\-=*/()[\]<>|,.;:!'?^_]$/u;

const TEXT_ESCAPES = new Map([
  ['\\', '\\textbackslash{}'],
  ['{', '\\textbraceleft{}'],
  ['}', '\\textbraceright{}'],
  ['^', '\\textasciicircum{}'],
  ['~', '\\textasciitilde{}'],
  ['<', '\\textless{}'],
  ['>', '\\textgreater{}'],
  ['|', '\\textbar{}'],
  ['`', '\\textasciigrave{}'],
]);

/**
 * Plain text as TeX text: specials escaped, ligatures broken so that `--`, `---` and `''` print
 * as typed (not as dashes and a quote), Unicode math (μ, ², →) as TeX math.
 */
export function texText(text: string): string {
  const escaped = text.replace(/[\\{}^~<>|$&%#_`]/gu, (c) => TEXT_ESCAPES.get(c) ?? `\\${c}`).replace(/([-'])(?=\1)/gu, '$1{}');
  return unicodeToTex(escaped);
}

/** Whether `\name` (or `\x` for a non-letter x) may stand in a math span. */
const mathCommand = (name: string): boolean =>
  /^[A-Za-z]/u.test(name) ? MATH_COMMANDS.has(name) : CONTROL_SYMBOLS.has(name) && name !== '$';

/** A math span as safe TeX (its `$…$` included), or undefined when it holds anything outside the safe set. */
export function safeMath(tex: string): string | undefined {
  let depth = 0;
  let out = '';
  for (const [token] of tex.matchAll(TOKEN)) {
    if (token === '\\{' || token === '\\}') {
      out += token === '\\{' ? '\\lbrace ' : '\\rbrace ';
      continue;
    }
    if (token.startsWith('\\')) {
      if (!mathCommand(token.slice(1))) return undefined;
    } else if (token === '{') {
      if (++depth > MAX_DEPTH) return undefined;
    } else if (token === '}') {
      if (--depth < 0) return undefined;
    } else if (!MATH_CHAR.test(token)) return undefined;
    out += token;
  }
  // Last, as the dearest check: the page shows TeX that KaTeX refuses as its source, and so does the export.
  return depth === 0 && isTypeset(tex) ? `$${out}$` : undefined;
}

/**
 * Whether TeX is within the safe set: braces balanced and at most {@link MAX_DEPTH} deep, only
 * known commands, and `%`, `#`, `&`, `~` nowhere unescaped (nor `^`, `_` outside math).
 */
export function isSafeTex(tex: string): boolean {
  let depth = 0;
  let math = false;
  for (const [token] of tex.matchAll(TOKEN)) {
    if (token.startsWith('\\')) {
      const name = token.slice(1);
      if (/^[A-Za-z]/u.test(name) ? !MATH_COMMANDS.has(name) && !TEXT_COMMANDS.has(name) : !CONTROL_SYMBOLS.has(name)) return false;
    } else if (token === '$') math = !math;
    else if (token === '{' && ++depth > MAX_DEPTH) return false;
    else if (token === '}' && --depth < 0) return false;
    else if (/[%#&~]/u.test(token) || (!math && /[\^_]/u.test(token))) return false;
  }
  return depth === 0 && !math;
}

/**
 * Text and math as safe TeX: each math span as itself when it is safe, else as its Unicode
 * rendering; and, should the whole still not be safe, the plain text alone.
 */
export function toSafeTex(segments: readonly Segment[]): string {
  const tex = segments
    .map((s) => (s.kind === 'text' ? texText(s.value) : (safeMath(s.tex) ?? texText(texToUnicode(s.tex)))))
    .join('')
    // Two spans side by side would read as $$, display math, in some parsers: keep them apart.
    .replace(/\$\$/gu, '${}$');
  return isSafeTex(tex) ? tex : texText(segmentsToText(segments));
}
