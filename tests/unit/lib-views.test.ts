import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexText } from '../../src/lib/bibtex.ts';
import { findPaperLinks, paperActions, reportProblemUrl } from '../../src/lib/external.ts';
import { feedItems, papersExport, papersJsonSchema } from '../../src/lib/feeds.ts';
import { ALL_VIEWS, DEFAULT_VIEW, fileUnder, letterAnchor, letterBar, viewPapers, viewPath, viewTitle } from '../../src/lib/lists.ts';
import { pageLinks } from '../../src/lib/pagination.ts';
import { toPaper, type Paper, type Topic } from '../../src/lib/papers.ts';
import type { PaperData } from '../../src/lib/schema.ts';
import { authorLine, excerpt, plural } from '../../src/lib/text.ts';
import { absoluteUrl, urlsFor } from '../../src/lib/urls.ts';
import { neighbours, papersByTopic, relatedTopics, stats, topicsBySize, untaggedPapers } from '../../src/lib/views.ts';
import { formatDay, sourceLabel } from '../../src/lib/dates.ts';

function paper(id: string, title: string, topics: string[], extra: Partial<PaperData> = {}, body = 'An abstract.'): Paper {
  const data: PaperData = {
    id,
    title,
    topics,
    links: [],
    sources: [{ listing: 'l', format: 'hf-page', name: 'Daily Papers', date: 'Aug 5', position: 1 }],
    ...extra,
  };
  return toPaper({ id, data, body, filePath: `content/papers/${id}.mdx` });
}
const topic = (id: string, name: string): Topic => ({
  id,
  name,
  summary: `${name}.`,
  description: `${name}.`,
  aliases: [],
  file: `content/topics/${id}.yaml`,
});

describe('urls', () => {
  it('builds every URL under the base, at / and under a sub-path', () => {
    for (const [base, prefix] of [
      ['/', '/'],
      ['/catalogue/', '/catalogue/'],
      ['/catalogue', '/catalogue/'],
    ] as const) {
      const u = urlsFor(base);
      expect(u.home()).toBe(prefix);
      expect(u.paper('x')).toBe(`${prefix}papers/x/`);
      expect(u.papers()).toBe(`${prefix}papers/`);
      expect(u.papers({}, 2)).toBe(`${prefix}papers/page/2/`);
      expect(u.papers({ order: 'title' })).toBe(`${prefix}papers/a-z/`);
      expect(u.papers({ order: 'title' }, 3)).toBe(`${prefix}papers/a-z/page/3/`);
      expect(u.papers({ order: 'title', code: true }, 2)).toBe(`${prefix}papers/a-z/code/page/2/`);
      expect(u.topic('video')).toBe(`${prefix}topics/video/`);
      expect(u.topic('video', {}, 2)).toBe(`${prefix}topics/video/page/2/`);
      expect(u.topic('video', { code: true })).toBe(`${prefix}topics/video/code/`);
      expect(u.topic('video', { order: 'listing', code: true }, 2)).toBe(`${prefix}topics/video/listing/code/page/2/`);
      expect(u.topicFeed('video')).toBe(`${prefix}topics/video/rss.xml`);
      expect(u.citation('x', 'ris')).toBe(`${prefix}papers/x/citation.ris`);
      expect(u.search('μP & more')).toBe(`${prefix}search/?q=%CE%BCP%20%26%20more`);
      expect(u.ogImage('paper', 'x')).toBe(`${prefix}previews/paper/x.png`);
    }
    expect(absoluteUrl('/catalogue/papers/x/', new URL('https://example.org'))).toBe('https://example.org/catalogue/papers/x/');
  });
});

describe('list views', () => {
  const papers = [
    paper('b', 'beta', ['t'], { links: [{ kind: 'code', url: 'https://github.com/x/y' }] }),
    paper('a', 'Alpha', ['t']),
    paper('c', 'Éclair', ['t'], { links: [{ kind: 'code', url: 'https://github.com/x/z' }] }),
  ].map((p, i) => ({ ...p, sources: [{ ...p.sources[0]!, position: i + 1 }] }));

  it('shows a list newest first, by title or in listing order, all papers or those with code', () => {
    // None has a date: newest first falls back to listing order.
    expect(viewPapers(papers, DEFAULT_VIEW).map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(viewPapers(papers, { order: 'title', code: false }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(viewPapers(papers, { order: 'title', code: true }).map((p) => p.id)).toEqual(['b', 'c']);
    expect(viewPapers(papers, { order: 'listing', code: true }).map((p) => p.id)).toEqual(['b', 'c']);
    expect(ALL_VIEWS).toHaveLength(6);
  });

  it('puts the newest first: by the day a paper appeared, then listing order, undated papers last', () => {
    const day = (id: string, position: number, extra: Partial<PaperData>): Paper => {
      const p = paper(id, id, ['t'], extra);
      return { ...p, sources: [{ ...p.sources[0]!, position }] };
    };
    const dated = [
      day('seed', 1, {}),
      day('old', 2, { submitted: '2025-05-01' }),
      day('new-2', 3, { submitted: '2025-06-02' }),
      day('new-1', 2, { submitted: '2025-06-02' }),
      // No Daily Papers day: the day arXiv published it.
      day('arxiv-only', 5, { published: '2025-05-20' }),
    ];
    expect(viewPapers(dated, DEFAULT_VIEW).map((p) => p.id)).toEqual(['new-1', 'new-2', 'arxiv-only', 'old', 'seed']);
  });

  it('leaves the list it is given in its order', () => {
    viewPapers(papers, { order: 'title', code: false });
    expect(papers.map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });

  it('puts each view at its own path below the list, and names it in titles', () => {
    expect(viewPath(DEFAULT_VIEW)).toBe('');
    expect(viewPath({ order: 'title', code: false })).toBe('a-z/');
    expect(viewPath({ order: 'newest', code: true })).toBe('code/');
    expect(viewPath({ order: 'listing', code: false })).toBe('listing/');
    expect(viewPath({ order: 'title', code: true })).toBe('a-z/code/');
    expect(viewTitle(DEFAULT_VIEW)).toBe('');
    expect(viewTitle({ order: 'title', code: true })).toBe(', with code, A–Z by title');
    expect(viewTitle({ order: 'listing', code: false })).toBe(', in listing order');
  });

  it('files titles under their first letter, accents folded, digits and other scripts under #', () => {
    expect(['Éclair', 'alpha', '3D scenes', '“Quoted”', 'Λ-models', 'μP'].map(fileUnder)).toEqual(['E', 'A', '#', 'Q', '#', '#']);
  });

  it('links each letter of the A–Z bar to the page and card its titles start at', () => {
    const titles = ['3D', 'Alpha', 'Apple', 'Beta', 'Delta', 'Dune'].map((t, i) => paper(`p${i}`, t, ['t']));
    const bar = letterBar(titles, 2);
    expect(bar).toHaveLength(27);
    expect(bar.filter((l) => l.at).map((l) => [l.letter, l.at?.page, l.at?.id])).toEqual([
      ['#', 1, 'p0'],
      ['A', 1, 'p1'],
      ['B', 2, 'p3'],
      ['D', 3, 'p4'],
    ]);
    expect(bar.find((l) => l.letter === 'C')?.at).toBeUndefined();
    expect([letterAnchor('#'), letterAnchor('B')]).toEqual(['titles-0-9', 'titles-b']);
  });
});

describe('pagination', () => {
  it('shows the first, last and nearby pages with gaps', () => {
    const links = pageLinks(6, 12, (n) => `/p/${n}/`);
    expect(links.map((l) => (l ? l.number : '…'))).toEqual([1, '…', 4, 5, 6, 7, 8, '…', 12]);
    expect(links.find((l) => l?.current)?.href).toBe('/p/6/');
  });
});

describe('text', () => {
  it('cuts at a word boundary with an ellipsis, never inside an emoji', () => {
    expect(excerpt('Short text.', 50)).toBe('Short text.');
    expect(excerpt('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
    expect(excerpt('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 3)).toBe('👨‍👩‍👧👨‍👩‍👧…');
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(1200, 'paper')).toBe('1,200 papers');
  });

  it('names up to three authors, and the first three "et al." after that', () => {
    expect(authorLine()).toBe('');
    expect(authorLine(['Ada Lovelace'])).toBe('Ada Lovelace');
    expect(authorLine(['A', 'B'])).toBe('A and B');
    expect(authorLine(['A', 'B', 'C'])).toBe('A, B and C');
    expect(authorLine(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
  });
});

describe('views', () => {
  const topics = [topic('a', 'Alpha'), topic('b', 'Beta'), topic('c', 'Gamma')];
  const papers = [
    paper('p1', 'One', ['a', 'b']),
    paper('p2', 'Two', ['b']),
    paper('p3', 'Three', ['b', 'c', 'a'], { links: [{ kind: 'code', url: 'https://github.com/x/y' }] }),
  ];
  const byTopic = papersByTopic(papers, topics);

  it('groups papers by topic in the given order', () => {
    expect(byTopic.get('a')?.map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(byTopic.get('b')?.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('sorts topics by size, then name', () => {
    expect(topicsBySize(topics, byTopic).map((t) => [t.topic.id, t.count])).toEqual([
      ['b', 3],
      ['a', 2],
      ['c', 1],
    ]);
  });

  it('counts papers shared with related topics', () => {
    expect(relatedTopics('a', topics, byTopic).map((r) => [r.topic.id, r.shared])).toEqual([
      ['b', 2],
      ['c', 1],
    ]);
  });

  it('gives previous and next papers, and counts', () => {
    const n = neighbours(papers);
    expect(n.get('p1')?.prev).toBeUndefined();
    expect(n.get('p2')?.prev?.id).toBe('p1');
    expect(n.get('p2')?.next?.id).toBe('p3');
    expect(stats(papers, topics)).toEqual({ papers: 3, topics: 3, withCode: 1, untagged: 0 });
  });
});

describe('papers awaiting a topic, and dates', () => {
  it('lists the papers without topics, A–Z, and counts them', () => {
    const papers = [paper('b', 'Zeta', []), paper('a', 'Middle', ['x']), paper('c', 'alpha', [])];
    expect(untaggedPapers(papers).map((p) => p.id)).toEqual(['c', 'b']);
    expect(stats(papers, []).untagged).toBe(2);
  });

  it('writes days as a reader reads them, and says where a paper was listed', () => {
    expect(formatDay('2025-05-30')).toBe('30 May 2025');
    expect(formatDay('2024-02-29')).toBe('29 Feb 2024');
    expect(formatDay('Aug 5')).toBe('Aug 5');
    expect(sourceLabel({ listing: 'hf-daily-2025-05-30', format: 'hf-api', name: 'Daily Papers', date: '2025-05-30', position: 4 })).toBe(
      'Daily Papers, 30 May 2025',
    );
    expect(sourceLabel({ listing: 'daily-papers-aug-5', format: 'hf-page', name: 'Daily Papers', date: 'Aug 5', position: 3 })).toBe(
      'Daily Papers, Aug 5, no. 3',
    );
    expect(sourceLabel({ listing: 'hugging-face-papers-1a2b', format: 'hf-page', name: 'Hugging Face papers', position: 2 })).toBe(
      'Hugging Face papers, no. 2',
    );
  });
});

describe('bibtex', () => {
  it('escapes special characters and keeps math', () => {
    expect(bibtexText('50% of A&B_c {x} $D_{KL}$ ~ \\')).toBe(
      '50\\% of A\\&B\\_c \\textbraceleft{}x\\textbraceright{} $D_{KL}$ \\textasciitilde{} \\textbackslash{}',
    );
  });

  it('writes Unicode math as TeX, which classic BibTeX and pdfLaTeX read', () => {
    expect(bibtexText('DεpS, O(n⁻¹) and √n')).toBe('D$\\varepsilon$pS, O(n$^{-1}$) and $\\surd$n');
    expect(bibtexText('SP²OT: Transport via μP, 10¹⁹ FLOPs, CO₂ and A → B')).toBe(
      'SP$^{2}$OT: Transport via $\\mu$P, 10$^{19}$ FLOPs, CO$_{2}$ and A $\\to$ B',
    );
  });

  it('writes @misc with only what is known', () => {
    expect(bibtexEntry(paper('x', 'Scaling Law', ['a']), 'https://e.org/papers/x/')).toBe(
      '@misc{x,\n  title = {{Scaling Law}},\n  url   = {https://e.org/papers/x/}\n}',
    );
    const enriched = paper('y', 'T', ['a'], {
      authors: ['Ada Lovelace', 'Alan Turing'],
      arxiv: '2401.01234',
      published: '2024-01-02',
      categories: ['cs.LG', 'cs.AI'],
    });
    // arXiv's own form: eprint, archivePrefix, primaryClass and the abstract's address, not the catalogue's.
    expect(bibtexEntry(enriched, 'https://e.org/papers/y/', 'lovelace2024t')).toBe(
      '@misc{lovelace2024t,\n  title         = {{T}},\n  author        = {Ada Lovelace and Alan Turing},\n  year          = {2024},\n  eprint        = {2401.01234},\n  archivePrefix = {arXiv},\n  primaryClass  = {cs.LG},\n  url           = {https://arxiv.org/abs/2401.01234}\n}',
    );
    // No publication day: the year the arXiv id states (2312 is December 2023).
    const undated = paper('z', 'T', ['a'], { arxiv: '2312.00001' });
    expect(bibtexEntry(undated, 'https://e.org/papers/z/')).toContain('year          = {2023}');
  });
});

describe('external links', () => {
  const p = paper('sp2ot', 'SP$^2$OT: Transport & more', ['a']);

  it('search the exact plain-text title on four services', () => {
    const links = findPaperLinks(p);
    expect(links.map((l) => l.label)).toEqual(['arXiv', 'Semantic Scholar', 'Google Scholar', 'Hugging Face']);
    expect(decodeURIComponent(links[0]?.href ?? '')).toContain('query="SP²OT: Transport & more"');
    expect(new URL(links[3]?.href ?? '').searchParams.get('q')).toBe('SP²OT: Transport & more');
  });

  it('go to the paper itself when its arXiv id is known: PDF, arXiv, Hugging Face, then its code', () => {
    const known = paper('k', 'Known', ['a'], { arxiv: '2505.01234', links: [{ kind: 'code', url: 'https://github.com/o/r' }] });
    expect(paperActions(known).map((l) => [l.label, l.href])).toEqual([
      ['PDF', 'https://arxiv.org/pdf/2505.01234'],
      ['arXiv', 'https://arxiv.org/abs/2505.01234'],
      ['Hugging Face', 'https://huggingface.co/papers/2505.01234'],
      ['Code', 'https://github.com/o/r'],
    ]);
    // Searches for what the page already links are left out.
    expect(findPaperLinks(known).map((l) => l.label)).toEqual(['Semantic Scholar', 'Google Scholar']);
    expect(paperActions(p)).toEqual([]);
  });

  it('opens a new issue with the id and title filled in', () => {
    const url = new URL(reportProblemUrl('https://github.com/o/r/', p, 'https://e.org/papers/sp2ot/'));
    expect(url.origin + url.pathname).toBe('https://github.com/o/r/issues/new');
    expect(url.searchParams.get('title')).toBe('Problem with entry sp2ot');
    expect(url.searchParams.get('body')).toContain('Title: SP²OT: Transport & more');
  });
});

describe('feeds and export', () => {
  const u = urlsFor('/catalogue/');
  const papers = [paper('x', 'Loss $x^2$', ['a'], {}, 'Body with $x^2$ and \\{braces\\}.')];
  const topicById = new Map([['a', topic('a', 'Alpha')]]);

  it('makes RSS items with absolute links and plain text', () => {
    expect(feedItems(papers, topicById, u, 'https://e.org')).toEqual([
      { title: 'Loss x²', link: 'https://e.org/catalogue/papers/x/', description: 'Body with x² and {braces}.', categories: ['Alpha'] },
    ]);
  });

  it('writes titles and abstracts as escaped HTML, which a feed reader reads back as the text typed', () => {
    const typed = [paper('y', 'Tan & Le: &amp; <b>x</b>', ['a'], {}, 'a \\< b && c \\> d')];
    const [item] = feedItems(typed, topicById, u, 'https://e.org');
    expect([item?.title, item?.description]).toEqual(['Tan &amp; Le: &amp;amp; &lt;b&gt;x&lt;/b&gt;', 'a &lt; b &amp;&amp; c &gt; d']);
  });

  it('exports papers.json records', () => {
    expect(papersExport('Cat', papers, u, 'https://e.org')).toEqual({
      $schema: 'https://e.org/catalogue/papers.schema.json',
      name: 'Cat',
      url: 'https://e.org/catalogue/',
      count: 1,
      papers: [
        {
          id: 'x',
          title: 'Loss x²',
          abstract: 'Body with x² and {braces}.',
          topics: ['a'],
          links: [],
          url: 'https://e.org/catalogue/papers/x/',
        },
      ],
    });
  });
});

describe('the JSON Schema of papers.json', () => {
  const schema = papersJsonSchema('https://e.org/papers.schema.json');
  const validate = new Ajv2020({ strict: true }).compile(schema);
  const good = papersExport(
    'Cat',
    [paper('x', 'Loss $x^2$', ['a'], { links: [{ kind: 'code', url: 'https://github.com/a/b$c$d' }] }, '&copy; [link](https://a.org)')],
    urlsFor('/'),
    'https://e.org',
  );

  it('names itself and is a schema Ajv compiles in strict mode', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://e.org/papers.schema.json' });
  });

  it('accepts the export', () => {
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(good.papers[0]?.abstract).toBe('© link');
  });

  it.each([
    ['a link that is not http(s)', { links: [{ kind: 'code', url: 'javascript:alert(1)' }] }],
    ['an unknown link kind', { links: [{ kind: 'video', url: 'https://a.org' }] }],
    ['an id that is not a slug', { id: 'Not A Slug' }],
    ['five topics', { topics: ['a', 'b', 'c', 'd', 'e'] }],
    ['an empty title', { title: '' }],
    ['a field it does not document', { extra: 1 }],
  ])('refuses a paper with %s', (_what, change) => {
    const bad = { ...good, papers: [{ ...good.papers[0], ...change }] };
    expect(validate(bad)).toBe(false);
  });
});

describe('excerpt of long texts', () => {
  it('marks a cut even when the text was too long to look at whole', () => {
    expect(excerpt(`${'word '.repeat(400)}end`, 30)).toBe(`${'word '.repeat(5).trim()} word…`);
    expect(excerpt('👨‍👩‍👧'.repeat(200), 100).endsWith('…')).toBe(true);
  });
});
