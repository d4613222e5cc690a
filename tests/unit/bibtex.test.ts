/**
 * BibTeX from hostile titles: what a real BibTeX parser (@retorquere/bibtex-parser, the one behind
 * Better BibTeX for Zotero) reads back, and which TeX reaches whoever cites the entry.
 */
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexText } from '../../src/lib/bibtex.ts';
import { toPaper } from '../../src/lib/papers.ts';
import { isSafeTex, safeMath, texText } from '../../src/lib/safe-tex.ts';

const URL = 'https://e.org/papers/p/';
const entry = (title: string, authors?: string[]): string =>
  bibtexEntry(
    toPaper({
      id: 'p',
      data: {
        id: 'p',
        title,
        topics: ['a'],
        links: [],
        sources: [{ listing: 'l', format: 'hf-page', name: 'Daily Papers', position: 1 }],
        ...(authors ? { authors } : {}),
      },
      body: 'An abstract.',
    }),
    URL,
  );

/** The entry as the parser reads it: its errors, its fields, and its title as Unicode text. */
function readBack(bib: string) {
  const library = parse(bib, { english: false });
  const fields = library.entries[0]?.fields ?? {};
  return { errors: library.errors.map((e) => e.error), keys: Object.keys(fields), title: fields['title'], url: fields['url'] };
}

/** Commands that read files, run programs or define macros: none may reach a citer's LaTeX. */
const DANGEROUS =
  /\\(?:input|include|write|immediate|openout|openin|read|def|edef|gdef|xdef|let|csname|catcode|newcommand|renewcommand|usepackage|url|href|special|expandafter)(?![a-z])/u;

describe('BibTeX titles', () => {
  it('keeps the issue title whole: math that closes the field early or reads a file becomes text', () => {
    const bib = entry('Loss $a}b$ and $\\input{/etc/passwd}$');
    expect(bib).toContain('title = {{Loss a\\textbraceright{}b and \\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{}}}');
    expect(bib).not.toMatch(DANGEROUS);
    expect(readBack(bib)).toEqual({ errors: [], keys: ['title', 'url'], title: 'Loss a}b and \\input{/etc/passwd}', url: URL });
  });

  it.each([
    ['$\\write18{rm -rf ~}$ and \\write18{ls}', '\\write18{rm -rf ~} and \\write18{ls}'],
    ['$\\immediate\\write18{id}$', '\\immediate\\write18{id}'],
    ['$\\def\\x{\\x}\\x$ loops', '\\def\\x{\\x}\\x loops'],
    ['$\\csname input\\endcsname{/etc/passwd}$', '\\csname input\\endcsname{/etc/passwd}'],
    // The parser reads \\textasciigrave{} as ˋ (U+02CB).
    ['$\\catcode`\\%=11$', '\\catcodeˋ\\%=11'],
    ['$\\url{javascript:alert(1)}$ and $\\href{https://e.org}{x}$', '\\url{javascript:alert(1)} and \\href{https://e.org}{x}'],
    ['$\\mathrm{\\input{x}}$', '\\mathrm{\\input{x}}'],
    ['$\\newcommand{\\a}{b}$ $\\let\\a\\b$ $\\usepackage{x}$', '\\newcommand{\\a}{b} \\let\\a\\b \\usepackage{x}'],
  ])('never passes a dangerous command: %s', (title, text) => {
    const bib = entry(title);
    expect(bib).not.toMatch(DANGEROUS);
    expect(readBack(bib)).toEqual({ errors: [], keys: ['title', 'url'], title: text, url: URL });
  });

  it('escapes what TeX reads as syntax in text, so the parser reads the title as typed', () => {
    const title = '100% of {x} & #1 at ~5 \\ a_b^c <T> |x| @misc{y, title={z}} "q" \\$9';
    // In the $…$ format \$ is a literal dollar; any other backslash is itself.
    expect(readBack(entry(title))).toEqual({
      errors: [],
      keys: ['title', 'url'],
      title: '100% of {x} & #1 at ~5 \\ a_b^c <T> |x| @misc{y, title={z}} "q" $9',
      url: URL,
    });
  });

  it('keeps a title of 3 000 nested braces parseable, with its url', () => {
    const open = '{'.repeat(3000);
    const close = '}'.repeat(3000);
    // The parser takes seconds over 6 000 brace commands: two titles are enough.
    for (const title of [`Deep ${open}x${close}`, `Deep $${open}x${close}$ and unclosed ${open.slice(0, 300)}`]) {
      const back = readBack(entry(title));
      expect(back.errors, title.slice(0, 20)).toEqual([]);
      expect(back.keys).toEqual(['title', 'url']);
      expect(back.url).toBe(URL);
    }
  });

  it('keeps safe math as TeX, and writes Unicode math as TeX', () => {
    expect(bibtexText('$\\mathcal{O}(n^{2})$ for $\\alpha_{t}$ in $\\{x\\}$, $\\frac{1}{2}$')).toBe(
      '$\\mathcal{O}(n^{2})$ for $\\alpha_{t}$ in $\\lbrace x\\rbrace $, $\\frac{1}{2}$',
    );
    expect(bibtexText('μP and $x$$y$')).toBe('$\\mu$P and $x${}$y$');
  });

  it('writes math the page cannot typeset as its text', () => {
    expect(bibtexText('Broken $\\frac{a$ here')).toBe('Broken \\textbackslash{}frac\\textbraceleft{}a here');
  });

  it('braces an author name that holds " and ", which BibTeX would split', () => {
    const bib = entry('T', ['Smith and Wesson Lab', 'Ada Lovelace']);
    expect(bib).toContain('author = {{Smith and Wesson Lab} and Ada Lovelace}');
    const author = parse(bib, { english: false }).entries[0]?.fields.author ?? [];
    expect(author).toHaveLength(2);
  });
});

describe('safe TeX', () => {
  it('writes any text within the safe set, with the ligatures of TeX broken so it prints as typed', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    for (const text of [ascii, `${ascii}${ascii}`, 'μ² → √ ⁻¹ ₀ «é» 中文 😀']) expect(isSafeTex(texText(text)), text).toBe(true);
    expect(texText("--- and -- and ''x'' and `y`")).toBe("-{}-{}- and -{}- and '{}'x'{}' and \\textasciigrave{}y\\textasciigrave{}");
    expect(readBack(entry('Pre---post -- ok')).title).toBe('Pre---post -- ok');
  });

  it('accepts only balanced, shallow TeX of known commands', () => {
    expect(isSafeTex('a \\textbraceleft{} $\\alpha^{2}$ \\% \\&')).toBe(true);
    expect(isSafeTex('a } b')).toBe(false);
    expect(isSafeTex('a { b')).toBe(false);
    expect(isSafeTex('\\input{x}')).toBe(false);
    expect(isSafeTex('100% comment')).toBe(false);
    expect(isSafeTex('a_b outside math')).toBe(false);
    expect(isSafeTex(`$${'{'.repeat(9)}x${'}'.repeat(9)}$`)).toBe(false);
    expect(isSafeTex('$unclosed')).toBe(false);
  });

  it('passes a math span only when every command is known and braces nest at most 8 deep', () => {
    expect(safeMath('x^{2}')).toBe('$x^{2}$');
    expect(safeMath(`${'{'.repeat(8)}x${'}'.repeat(8)}`)).toBe(`$${'{'.repeat(8)}x${'}'.repeat(8)}$`);
    expect(safeMath(`${'{'.repeat(9)}x${'}'.repeat(9)}`)).toBeUndefined();
    expect(safeMath('\\input{x}')).toBeUndefined();
    expect(safeMath('a & b')).toBeUndefined();
    expect(safeMath('μ')).toBeUndefined();
  });
});
