import { describe, expect, it } from 'vitest';
import { fromMdxBody, toMdxBody } from '../../src/lib/mdx.ts';
import { joinTex } from '../../src/lib/math.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';

/** A hostile string as literal text in the `$…$` format: every `$` and `\` escaped. */
const literal = (s: string): string => joinTex([{ kind: 'text', value: s.replace(/\s+/gu, ' ').trim() }]);

describe('toMdxBody / fromMdxBody', () => {
  it('has at least 50 hostile strings to test', () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(HOSTILE_STRINGS.map((s) => [s]))('round-trips %j as literal text', (s) => {
    const text = literal(s);
    expect(fromMdxBody(toMdxBody(text))).toBe(text);
  });

  it('leaves no unescaped MDX syntax in any hostile body', () => {
    for (const s of HOSTILE_STRINGS) {
      const body = toMdxBody(literal(s));
      // Outside our own links and ESM guard, every syntax character is preceded by a backslash.
      const bare = body
        .replace(/^&#x[0-9a-f]+;/u, '')
        .replace(/\\./gu, '')
        .replace(/\[https?:[^\]]*\]\(https?:[^)]*\)/gu, '');
      expect(bare).not.toMatch(/[{}<$`*[\]~&]/u);
      expect(body).not.toMatch(/^(import|export)\b/mu);
    }
  });

  it('keeps math spans live and everything around them escaped', () => {
    expect(toMdxBody('loss $L_0 + \\alpha$ at {x} < 1')).toBe('loss $L_0 + \\alpha$ at \\{x\\} \\< 1');
  });

  it('writes URLs as Markdown links without trailing punctuation', () => {
    expect(toMdxBody('code at https://github.com/a/b_c.')).toBe('code at [https://github.com/a/b\\_c](https://github.com/a/b_c).');
    expect(fromMdxBody('code at [https://github.com/a/b\\_c](https://github.com/a/b_c).')).toBe('code at https://github.com/a/b_c.');
  });

  it('disarms ESM and block syntax at the start of the body', () => {
    expect(toMdxBody('import x from "y"')).toBe('&#x69;mport x from "y"');
    expect(toMdxBody('export const a = 1')).toBe('&#x65;xport const a = 1');
    expect(toMdxBody('# not a heading')).toBe('\\# not a heading');
    expect(toMdxBody('1. not a list')).toBe('1\\. not a list');
  });

  it('reads a hand-written plain body', () => {
    expect(fromMdxBody('We scale to O(√s) with $x^2$ \\& friends.\n\nSecond paragraph.')).toBe(
      'We scale to O(√s) with $x^2$ & friends. Second paragraph.',
    );
  });

  it('decodes character references from the whole HTML5 table, as the page does', () => {
    expect(fromMdxBody('&copy; 2024 &eacute;t&eacute; &hellip; &ngE; &#x3B1; &#946;')).toBe('© 2024 été … ≧̸ α β');
    // Not references: an unknown name, no semicolon, an escaped ampersand, an escaped reference.
    expect(fromMdxBody('&NotANamedRef; &copy &#65 \\&amp; &amp;copy;')).toBe('&NotANamedRef; &copy &#65 &amp; &copy;');
  });

  it('reads a number that is no character as U+FFFD instead of failing', () => {
    expect(fromMdxBody('a &#x110000; b &#xD800; c &#0; d')).toBe('a \uFFFD b \uFFFD c \uFFFD d');
  });

  it('reads links as their text, whatever the form of the destination', () => {
    expect(fromMdxBody('[two](<https://a.org/x>) and [see [1]](https://en.wikipedia.org/wiki/A_(b)).')).toBe('two and see [1].');
    expect(fromMdxBody('[t](https://a.org "A title") [u](https://a.org \'B\') [v]( https://a.org )')).toBe('t u v');
    expect(fromMdxBody('[&copy; $x^2$ text](https://a.org)')).toBe('© $x^2$ text');
    // The inner link is the link; the outer brackets stay text (CommonMark).
    expect(fromMdxBody('[outer [inner](https://b.org) text](https://a.org)')).toBe('[outer inner text](https://a.org)');
  });

  it('leaves images out: they show no text', () => {
    expect(fromMdxBody('See ![Figure 1](/figures/one.png) here.')).toBe('See here.');
  });

  it('writes URLs with & and $ so that the link goes to the URL as typed', () => {
    expect(toMdxBody('at https://x.org/&lt;img&gt;/&#x22;q.')).toBe(
      'at [https://x.org/\\&lt;img\\&gt;/\\&#x22;q](https://x.org/\\&lt;img\\&gt;/\\&#x22;q).',
    );
    expect(fromMdxBody(toMdxBody('at https://x.org/&lt;img&gt;/&#x22;q.'))).toBe('at https://x.org/&lt;img&gt;/&#x22;q.');
  });
});
