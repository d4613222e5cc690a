import { describe, expect, it } from 'vitest';
import { z as astroZ } from 'astro/zod';
import { formatIssues, paperSchema, textProblem, topicSchema } from '../../src/lib/schema.ts';

const valid = {
  id: 'a-paper',
  title: 'A Paper',
  topics: ['scaling-laws'],
  links: [{ kind: 'code', url: 'https://github.com/a/b' }],
  sources: [{ listing: 'daily-papers-aug-5', format: 'hf-page', name: 'Daily Papers', date: 'Aug 5', position: 1 }],
};
const metadata = {
  arxiv: '2505.22653',
  authors: ['Ang Lv', 'Ruobing Xie'],
  published: '2025-05-28',
  submitted: '2025-05-30',
  categories: ['cs.LG', 'stat.ML'],
  keywords: ['reward noise'],
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

  it('accepts the metadata a real source gives, and a paper that awaits a topic', () => {
    expect(schema.parse({ ...valid, ...metadata })).toEqual({ ...valid, ...metadata });
    expect(schema.parse({ ...valid, topics: [] }).topics).toEqual([]);
    const api = { listing: 'hf-daily-2025-05-30', format: 'hf-api', name: 'Daily Papers', date: '2025-05-30', position: 1 };
    const search = { listing: 'hugging-face-papers-1a2b3c4d', format: 'hf-page', name: 'Hugging Face papers', position: 2 };
    expect(schema.parse({ ...valid, sources: [api, search] }).sources).toEqual([api, search]);
  });

  it('names what is wrong with metadata, and how to write it', () => {
    expect(issues({ ...valid, arxiv: '2505.22653v2' })).toEqual([
      'arxiv: arxiv must be a new-style arXiv id without its version, such as "2508.02324"',
    ]);
    expect(issues({ ...valid, authors: [] })).toEqual([
      'authors: authors is empty; list the names, or remove the line while they are unknown',
    ]);
    expect(issues({ ...valid, submitted: 'May 30' })).toEqual(['submitted: submitted must be a date written YYYY-MM-DD']);
    expect(issues({ ...valid, categories: ['Machine Learning'] })).toEqual([
      'categories.0: each category must be an arXiv category such as "cs.LG"',
    ]);
    expect(issues({ ...valid, sources: [{ ...valid.sources[0], format: 'rss' }] })).toEqual([
      'sources.0.format: source format must be one of: hf-page, hf-api, arxiv',
    ]);
  });

  it("is built with the one zod Astro's content collections use", () => {
    // Two copies of zod would make every schema fail Astro's checks; npm installs one (npm ls zod).
    expect(schema).toBeInstanceOf(astroZ.ZodType);
    expect(topicSchema).toBeInstanceOf(astroZ.ZodType);
  });

  it('names the field and the fix for an unknown topic', () => {
    expect(issues({ ...valid, topics: ['scaling-law'] })).toEqual([
      'topics.0: unknown topic "scaling-law"; use one of the ids in content/topics/ (scaling-laws, video) or add a topic file there',
    ]);
  });

  it('rejects an empty title, too many topics, a duplicate topic', () => {
    expect(issues({ ...valid, title: '  ' })).toEqual(['title: title is empty; write the title of the paper']);
    expect(issues({ ...valid, topics: ['video', 'video'] })[0]).toMatch(/^topics: topics lists the same id twice/u);
    const five = paperSchema(['a', 'b', 'c', 'd', 'e']).safeParse({ ...valid, topics: ['a', 'b', 'c', 'd', 'e'] });
    expect(five.success).toBe(false);
  });

  it('says a field is missing, and what to add, rather than that it has the wrong type', () => {
    expect(issues(without(valid, 'title', 'topics', 'sources'))).toEqual([
      'title: title is missing; add a line "title: …"',
      'topics: topics is missing; give the paper up to 4 topic ids from content/topics/, or [] while it awaits one',
      'sources: sources is missing; every paper records the listing it came from',
    ]);
    // An empty YAML value ("topics:") reads as null: the same fix.
    expect(issues({ ...valid, topics: null })).toEqual([
      'topics: topics is missing; give the paper up to 4 topic ids from content/topics/, or [] while it awaits one',
    ]);
    // "title: null" is YAML's null, which quoting fixes.
    expect(issues({ ...valid, title: null })).toEqual(['title: title must be a string; put it in double quotes']);
    // A hand-written source without a format is a copied page, the first kind of source.
    expect(schema.parse({ ...valid, sources: [without(valid.sources[0] ?? {}, 'format')] }).sources[0]?.format).toBe('hf-page');
  });

  it('rejects a bad id, a typo in a field name, and invented dates', () => {
    expect(issues({ ...valid, id: 'A Paper' })[0]).toMatch(/^id: id must be a lowercase ASCII slug/u);
    expect(issues({ ...valid, id: 'a-z' })).toEqual(['id: id "a-z" is reserved for the site\'s own pages; use "a-z-paper"']);
    expect(issues({ ...valid, topic: ['video'] })).toEqual([
      'topic: unknown field "topic"; a paper has only id, title, topics, links, sources, authors, arxiv, published, submitted, categories, keywords (check the spelling)',
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
    for (const ok of [
      'Fréchet',
      '中文标题',
      'مرحبا',
      '👨‍👩‍👧 family',
      'می‌خواهم',
      '❤️‍🔥',
      '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
    ])
      expect(textProblem(ok), ok).toBeUndefined();
  });

  it('names control, bidi and invisible characters and where they are', () => {
    expect(textProblem('a\u0007b')).toBe('contains the control character U+0007; delete it (at character 2)');
    expect(textProblem('abc\u202Edef')).toMatch(/bidirectional control U\+202E.*at character 4/u);
    expect(textProblem('zero\u200Bwidth')).toMatch(/invisible character U\+200B/u);
    expect(textProblem('\uD83D alone')).toMatch(/lone surrogate/u);
    expect(textProblem('Fre\u0301chet')).toMatch(/NFC/u);
  });

  it('refuses every character that draws nothing: tags, invisible times, fillers, joiners outside emoji, private use', () => {
    for (const [text, cp] of [
      ['a\u{E0041}b', 'U+E0041'],
      ['a\u2062b', 'U+2062'],
      ['\u3164Hangul filler', 'U+3164'],
      ['a\u034Fb', 'U+034F'],
      ['Zero\u200Djoiner', 'U+200D'],
      ['soft\u00ADhyphen', 'U+00AD'],
    ])
      expect(textProblem(text ?? ''), text).toMatch(
        new RegExp(`invisible character ${cp?.replace('+', '\\+') ?? ''}, which draws nothing`, 'u'),
      );
    expect(textProblem('plane \u{F0000} fifteen')).toMatch(/private-use character U\+F0000/u);
    expect(textProblem('bmp \uE000 area')).toMatch(/private-use character U\+E000/u);
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
