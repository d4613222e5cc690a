import { describe, expect, it } from 'vitest';
import { overviewPaperIds, overviewText } from '../../src/lib/overview.ts';
import { byListingOrder, byTitle, catalogueProblems, toPaper, toTopic, type Paper, type Topic } from '../../src/lib/papers.ts';
import type { PaperData } from '../../src/lib/schema.ts';

function paper(id: string, title: string, position: number, extra: Partial<PaperData> = {}, body = 'An abstract.'): Paper {
  const data: PaperData = {
    id,
    title,
    topics: ['t'],
    links: [],
    sources: [{ listing: 'l', format: 'hf-page', name: 'Daily Papers', date: 'Aug 5', position }],
    ...extra,
  };
  return toPaper({ id, data, body, filePath: `content/papers/${id}.mdx` });
}
const topic: Topic = { id: 't', name: 'T', summary: 's', description: 'd', aliases: [], file: 'content/topics/t.yaml' };

describe('toPaper', () => {
  it('reads the abstract back from the MDX body and derives plain text and hasCode', () => {
    const p = paper(
      'x',
      'SP$^2$OT',
      1,
      { links: [{ kind: 'code', url: 'https://github.com/a/b' }] },
      'Loss \\{x\\} $x^2$ at [https://github.com/a/b](https://github.com/a/b).',
    );
    expect(p.abstract).toBe('Loss {x} $x^2$ at https://github.com/a/b.');
    expect(p.abstractText).toBe('Loss {x} x² at https://github.com/a/b.');
    expect(p.titleText).toBe('SP²OT');
    expect(p.hasCode).toBe(true);
  });
});

describe('ordering', () => {
  it('sorts by listing position, and A–Z by title with numbers in numeric order', () => {
    const a = paper('a', 'Zeta 10', 2);
    const b = paper('b', 'alpha', 1);
    const c = paper('c', 'Zeta 9', 3);
    expect([a, b, c].sort(byListingOrder).map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect([a, b, c].sort(byTitle).map((p) => p.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('catalogueProblems', () => {
  it('is empty for a sound catalogue', () => {
    expect(catalogueProblems([paper('a', 'A', 1), paper('b', 'B', 2)], [topic])).toEqual([]);
  });

  it('names both files of a duplicate title, ignoring case and spacing', () => {
    expect(catalogueProblems([paper('a', 'Same  Title', 1), paper('b', 'same title', 2)], [topic])).toEqual([
      'content/papers/b.mdx: title: "same title" is also the title of content/papers/a.mdx; if they are the same paper, merge their sources into one entry and delete the other',
    ]);
  });

  it('reports an id that does not match its file, a duplicate id, an empty abstract and an unused topic', () => {
    const moved = { ...paper('a', 'A', 1), file: 'content/papers/a-copy.mdx' };
    const problems = catalogueProblems(
      [paper('a', 'A0', 1), moved, paper('e', 'E', 3, {}, '  ')],
      [topic, { ...topic, id: 'unused', file: 'content/topics/unused.yaml' }],
    );
    expect(problems).toEqual([
      'content/papers/a-copy.mdx: id: "a" does not match the file name; rename the file to a.mdx or set id: "a-copy"',
      'content/papers/a-copy.mdx: id: "a" is already used by content/papers/a.mdx; give one of them another id and file name',
      'content/papers/e.mdx: abstract: the body is empty; paste the abstract below the frontmatter',
      'content/topics/unused.yaml: topic "unused" has no papers; tag papers with it or delete the file',
    ]);
  });
});

describe('catalogueProblems and the topic vocabulary', () => {
  it('reports a topic id that is not in the vocabulary, even if the content cache missed it', () => {
    expect(catalogueProblems([paper('a', 'A', 1, { topics: ['gone'] }), paper('b', 'B', 2)], [topic])).toEqual([
      'content/papers/a.mdx: topics: unknown topic "gone"; use an id from content/topics/ or add a topic file there',
    ]);
  });
});

describe('topic overviews', () => {
  const overview = [
    'Diffusion models generate by **denoising**: see [DDPM](https://arxiv.org/abs/2006.11239) and $\\alpha$-blending.',
    '',
    '<Paper id="a" />',
    '',
    '<Papers ids={["b", \'c\']} />',
    '',
    '<Aside title="Note">Second paragraph.</Aside>',
    '',
    '<Figure src="figures/loss.png" alt="Loss curves" />',
    '',
    '<Figure caption="x" src=\'/figures/missing.svg\' alt="" />',
  ].join('\n');
  const curated = toTopic({
    id: 't',
    filePath: 'content/topics/t.mdx',
    data: { name: 'T', summary: 'S.', description: 'D.', aliases: [], match: [], weak: [], title: [], exclude: [] },
    body: overview,
  });

  it('reads the ids an overview cites, in either quoting, with other attributes before them', () => {
    expect(overviewPaperIds(overview)).toEqual(['a', 'b', 'c']);
    expect(overviewPaperIds('<Paper note="key" id={"d"} /> and <Papers class="x" ids={[ "e" ]} />')).toEqual(['d', 'e']);
  });

  it('takes the first paragraph of prose as plain text for feeds and previews', () => {
    expect(overviewText(overview)).toBe('Diffusion models generate by denoising: see DDPM and α-blending.');
    expect(overviewText('import X from "./x";\n\n<Paper id="a" />\n\n# Heading\n\nProse *here*.')).toBe('Prose here.');
    expect(overviewText('<Papers ids={["a"]} />')).toBe('');
  });

  it('fails the catalogue on a cited id that names no paper, naming the topic file', () => {
    expect(curated.overview).toMatch(/^Diffusion models generate/u);
    expect(catalogueProblems([paper('a', 'A', 1), paper('b', 'B', 2)], [curated])).toEqual([
      'content/topics/t.mdx: overview: <Paper id="c"> names no paper of the catalogue; use the id of an entry in content/papers/ (its file name)',
    ]);
  });

  it('fails the catalogue on a figure whose image is not under public/, naming the topic file and the path', () => {
    const papers = [paper('a', 'A', 1), paper('b', 'B', 2), paper('c', 'C', 3)];
    expect(catalogueProblems(papers, [curated], (path) => path === 'figures/loss.png')).toEqual([
      'content/topics/t.mdx: overview: <Figure src="/figures/missing.svg"> names no file under public/; add the image as public/figures/missing.svg or correct the path',
    ]);
    expect(catalogueProblems(papers, [{ ...curated, figures: ['../package.json'] }], () => true)).toEqual([
      'content/topics/t.mdx: overview: <Figure src="../package.json">: give the path of a file under public/, such as "figures/plot.png"; images come from the site itself',
    ]);
  });
});
