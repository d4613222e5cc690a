import { describe, expect, it } from 'vitest';
import { formatIssues, paperSchema, textProblem, topicSchema } from '../../src/lib/schema.ts';

const valid = {
  id: 'a-paper',
  title: 'A Paper',
  topics: ['scaling-laws'],
  links: [{ kind: 'code', url: 'https://github.com/a/b' }],
  sources: [{ listing: 'daily-papers-aug-5', name: 'Daily Papers', date: 'Aug 5', position: 1 }],
};
/** A copy of `data` without the named fields. */
const without = (data: object, ...fields: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !fields.includes(key)));
const schema = paperSchema(['scaling-laws', 'video']);
const issues = (data: unknown): string[] => {
  const result = schema.safeParse(data);
  return result.success ? [] : formatIssues(result.error);
};

describe('paperSchema', () => {
  it('accepts a valid entry and leaves unknown optional fields absent', () => {
    const parsed = schema.parse(valid);
    expect(parsed).toEqual(valid);
    expect('authors' in parsed).toBe(false);
  });

  it('names the field and the fix for an unknown topic', () => {
    expect(issues({ ...valid, topics: ['scaling-law'] })).toEqual([
      'topics.0: unknown topic "scaling-law"; use one of the ids in content/topics/ (scaling-laws, video) or add a topic file there',
    ]);
  });

  it('rejects an empty title, empty or too many topics, a duplicate topic', () => {
    expect(issues({ ...valid, title: '  ' })).toEqual(['title: title is empty; write the title of the paper']);
    expect(issues({ ...valid, topics: [] })[0]).toMatch(/^topics: topics is empty/u);
    expect(issues({ ...valid, topics: ['video', 'video'] })[0]).toMatch(/^topics: topics lists the same id twice/u);
    const five = paperSchema(['a', 'b', 'c', 'd', 'e']).safeParse({ ...valid, topics: ['a', 'b', 'c', 'd', 'e'] });
    expect(five.success).toBe(false);
  });

  it('says a field is missing, and what to add, rather than that it has the wrong type', () => {
    expect(issues(without(valid, 'title', 'topics', 'sources'))).toEqual([
      'title: title is missing; add a line "title: …"',
      'topics: topics is missing; give the paper 1 to 4 topic ids from content/topics/',
      'sources: sources is missing; every paper records the listing it came from',
    ]);
    // An empty YAML value ("topics:") reads as null: the same fix.
    expect(issues({ ...valid, topics: null })).toEqual(['topics: topics is missing; give the paper 1 to 4 topic ids from content/topics/']);
    // "title: null" is YAML's null, which quoting fixes.
    expect(issues({ ...valid, title: null })).toEqual(['title: title must be a string; put it in double quotes']);
    expect(issues({ ...valid, sources: [without(valid.sources[0] ?? {}, 'date')] })).toEqual([
      'sources.0.date: source date is missing; add the date label exactly as printed, e.g. "Aug 5"',
    ]);
  });

  it('rejects a bad id, a typo in a field name, and invented dates', () => {
    expect(issues({ ...valid, id: 'A Paper' })[0]).toMatch(/^id: id must be a lowercase ASCII slug/u);
    expect(issues({ ...valid, id: 'a-z' })).toEqual(['id: id "a-z" is reserved for the site\'s own pages; use "a-z-paper"']);
    expect(issues({ ...valid, topic: ['video'] })).toEqual([
      'topic: unknown field "topic"; a paper has only id, title, topics, links, sources, authors, arxiv, published (check the spelling)',
    ]);
    expect(issues({ ...valid, published: 'Aug 5' })).toEqual(['published: published must be a date written YYYY-MM-DD']);
  });

  it('rejects link URLs that are not http(s)', () => {
    expect(issues({ ...valid, links: [{ kind: 'other', url: 'javascript:alert(1)' }] })).toEqual([
      'links.0.url: link url must be an absolute http(s) URL',
    ]);
  });
});

describe('textProblem', () => {
  it('accepts ordinary multilingual text, emoji with joiners and NFC accents', () => {
    for (const ok of ['Fréchet', '中文标题', 'مرحبا', '👨‍👩‍👧 family', 'Persian ‌ZWNJ']) expect(textProblem(ok)).toBeUndefined();
  });

  it('names control, bidi and invisible characters and where they are', () => {
    expect(textProblem('a\u0007b')).toBe('contains the control character U+0007; delete it (at character 2)');
    expect(textProblem('abc\u202Edef')).toMatch(/bidirectional control U\+202E.*at character 4/u);
    expect(textProblem('zero\u200Bwidth')).toMatch(/invisible character U\+200B/u);
    expect(textProblem('\uD83D alone')).toMatch(/lone surrogate/u);
    expect(textProblem('Fre\u0301chet')).toMatch(/NFC/u);
  });
});

describe('topicSchema', () => {
  it('requires a name, a description and match phrases', () => {
    const video = { name: 'Video', summary: 'Generating and understanding video.', description: 'About video.', match: ['video'] };
    expect(topicSchema.safeParse(video).success).toBe(true);
    expect(topicSchema.safeParse({ ...video, match: [] }).success).toBe(false);
    const bare = topicSchema.safeParse({ ...without(video, 'match'), description: ' ' });
    expect(bare.success ? [] : formatIssues(bare.error)).toEqual([
      'description: description is empty; write the description of the topic',
      'match: match is missing; list the words and phrases that put a paper in this topic',
    ]);
    const long = topicSchema.safeParse({ ...video, summary: 'x'.repeat(91) });
    expect(long.success ? [] : formatIssues(long.error)).toEqual([
      'summary: summary must fit on one line (at most 90 characters); put the detail in description',
    ]);
  });
});

describe('plain MDX bodies', () => {
  it('accepts escaped text, links and math, and names live MDX with its line', async () => {
    const { bodyProblem } = await import('../../src/loaders/plain-mdx.ts');
    expect(bodyProblem('Text \\{x\\} \\<b\\> $x^{2}$ and [https://a.org](https://a.org).')).toBeUndefined();
    expect(bodyProblem('Line one.\n\nleak {process.env.X}')).toMatch(/^contains a \{…\} expression \(line 3 of the body\)/u);
    expect(bodyProblem('run <script>alert(1)</script>')).toMatch(/^contains a <…> component or HTML tag/u);
    expect(bodyProblem("import x from 'y'\n\nText")).toMatch(/^contains an import or export statement/u);
    expect(bodyProblem('a { b')).toMatch(/^is not valid MDX \(1:3: Unexpected end of file in expression/u);
  });
});
