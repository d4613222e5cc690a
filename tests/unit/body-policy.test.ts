/**
 * The body policy on the trees Sätteri parses (through the loader's own bodyTrees): what a hand
 * edit may put in an entry body, and what the build says when it breaks the policy.
 */
import { describe, expect, it } from 'vitest';
import { bodyProblems, destinationProblem } from '../../src/lib/body-policy.ts';
import { bodyTrees } from '../../src/loaders/plain-mdx.ts';

const problems = (body: string) => bodyProblems(body, bodyTrees(body));
const summary = (body: string) => problems(body).map((p) => `${p.line}: ${p.what}`);

describe('the body policy', () => {
  it('lets through what an abstract holds: escaped text, references, math, http(s) and on-site links, on-site images', () => {
    for (const body of [
      'Text \\{x\\} \\<b\\> $x^{2}$ and [https://a.org](https://a.org).',
      'First paragraph.\n\nSecond, with a hard break  \nand \\\nanother.',
      '&copy; 2024 &eacute;t&eacute; &#x3B1; &#946; and &foo; as typed, \\&rlm; escaped.',
      '[see [1]](https://en.wikipedia.org/wiki/A_(b)) and [home](/papers/) and [t](https://a.org "Title").',
      '[spaced](<https://a.org/x>) and [caps](HTTPS://A.ORG) and ![Figure 1](/figures/one.png)',
    ])
      expect(problems(body), body).toEqual([]);
  });

  it('names live MDX with its line', () => {
    expect(summary('Line one.\n\nleak {process.env.X}')).toEqual(['3: a {…} expression; entries hold plain text and run no code']);
    expect(summary('run <script>alert(1)</script>')[0]).toMatch(/^1: a <…> component or HTML tag/u);
    expect(summary("import x from 'y'\n\nText")).toEqual(['1: an import or export statement; entries hold plain text and run no code']);
    expect(summary('a\n\nb { c')[0]).toMatch(/^3: text that is not valid MDX \(Unexpected end of file in expression/u);
    // The parser's own advice, said without Markdown link syntax, which Astro's error printer rewrites.
    expect(summary('See <https://a.org> now.')).toEqual([
      '1: text that is not valid MDX (Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use text in brackets, followed by url in parentheses) (mdx-jsx:unexpected-character))',
    ]);
  });

  it.each([
    ['[click me](javascript:alert(1))', 'a link to "javascript:alert(1)", a javascript: address'],
    ['[two](<javascript:alert(2)>)', 'a link to "javascript:alert(2)", a javascript: address'],
    ['[ent](&#106;avascript:alert(3))', 'a link to "javascript:alert(3)", a javascript: address'],
    ['[hex](&#x6A;&#x61;vascript:alert(3))', 'a link to "javascript:alert(3)", a javascript: address'],
    ['[r]: javascript:alert(4)\n\n[r]', 'a link to "javascript:alert(4)", a javascript: address'],
    ['[case](JaVaScRiPt:alert(1))', 'a link to "JaVaScRiPt:alert(1)", a javascript: address'],
    ['[space]( javascript:alert(1) )', 'a link to "javascript:alert(1)", a javascript: address'],
    ['[tab](java&#x09;script:alert(1))', 'a link to "java\\tscript:alert(1)", whose address holds the character U+0009'],
    ['[d](data:text/html;base64,PHNjcmlwdD4=)', 'a link to "data:text/html;base64,PHNjcmlwdD4=", a data: address'],
    ['[p](//evil.example/x)', 'a link to "//evil.example/x", a protocol-relative address'],
    ['[b](/\\evil.example)', 'a link to "/\\\\evil.example", a relative address'],
    ['[v](vbscript:msgbox(1))', 'a link to "vbscript:msgbox(1)", a vbscript: address'],
    ['[no slashes](https:evil.example)', 'a link to "https:evil.example", a https: address'],
    ['[mail](mailto:a@b.example)', 'a link to "mailto:a@b.example", a mailto: address'],
    ['![img](https://evil.example/track.png)', 'an image from "https://evil.example/track.png", which is not served by this site'],
    ['![img](data:image/png;base64,iVBORw0KGgo=)', 'an image from "data:image/png;base64,iVBORw0KGgo=", which is not served by this site'],
    ['![img](//evil.example/t.png)', 'an image from "//evil.example/t.png", which is not served by this site'],
  ])('refuses %j', (body, what) => {
    expect(summary(body)).toContain(`1: ${what}`);
  });

  it('refuses reference-style links, even to a safe address: the page and the exports read links inline', () => {
    expect(summary('See [the code][r].\n\n[r]: https://github.com/a/b')).toEqual([
      '1: a reference-style link ([text][label])',
      '3: a link reference definition ([label]: address)',
    ]);
  });

  it.each([
    ['a &#x110000; b', 'the character reference &#x110000; names U+110000, which is past U+10FFFF, not a character'],
    ['a &#xD800; b', 'the character reference &#xD800; names U+D800, which is half of a surrogate pair, not a character'],
    ['a &#0; b', 'the character reference &#0; names U+0000, which is the NUL character, not a character'],
    ['a &rlm; b', 'the character reference &rlm; stands for the bidirectional control U+200F'],
    ['a &#x202E; b', 'the character reference &#x202E; stands for the bidirectional control U+202E'],
    ['a&zwj;b', 'the character reference &zwj; stands for the invisible character U+200D, which draws nothing'],
    ['a&ZeroWidthSpace;b', 'the character reference &ZeroWidthSpace; stands for the invisible character U+200B, which draws nothing'],
    ['soft&shy;hyphen', 'the character reference &shy; stands for the invisible character U+00AD, which draws nothing'],
    ['bell &#7; here', 'the character reference &#7; stands for the control character U+0007'],
    ['[link &rlm; text](https://a.org)', 'the character reference &rlm; stands for the bidirectional control U+200F'],
  ])('refuses the reference in %j', (body, what) => {
    const found = summary(`Line one.\n${body}`);
    expect(
      found.some((f) => f.startsWith(`2: ${what}`)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['*emphasis*', 'emphasis (*…* or _…_), which an abstract does not hold'],
    ['**strong**', 'strong emphasis (**…**), which an abstract does not hold'],
    ['`code`', 'code (`…`), which an abstract does not hold'],
    ['# Heading', 'a heading (a line starting with #, or underlined with = or -), which an abstract does not hold'],
    ['- item', 'a list (a line starting with -, +, * or a number and a dot), which an abstract does not hold'],
    ['> quoted', 'a block quote (a line starting with >), which an abstract does not hold'],
    ['$5 and $10', 'the math span "$5 and $", which starts or ends with a space or is written $$…$$'],
    ['x $$y$$ z', 'the math span "$$y$$", which starts or ends with a space or is written $$…$$'],
  ])('refuses Markdown an abstract does not hold: %j', (body, what) => {
    expect(summary(body)).toContain(`1: ${what}`);
  });

  it('names every problem once, in line order, each with a fix', () => {
    const found = problems('[a](javascript:x)\n\n*b* &rlm;\n\n<img src=x>');
    expect(found.map((p) => p.line)).toEqual([1, 3, 3, 5]);
    for (const p of found) expect(p.fix.length).toBeGreaterThan(10);
  });

  it('allows links to http(s) addresses and paths on this site only', () => {
    expect(destinationProblem('https://github.com/a/b$c$d', false)).toBeUndefined();
    expect(destinationProblem('/papers/x/', false)).toBeUndefined();
    expect(destinationProblem('/figures/x.png', true)).toBeUndefined();
    expect(destinationProblem('https://github.com/a.png', true)?.fix).toMatch(/this site only/u);
    expect(destinationProblem('#section', false)?.what).toMatch(/a relative address$/u);
    expect(destinationProblem('https://a.org/\u200Bx', false)?.what).toMatch(/holds the character U\+200B$/u);
  });
});
