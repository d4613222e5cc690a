/**
 * Citations of a paper: readable, stable, unique keys; CSL-JSON and RIS records that reference
 * managers import (RIS read back line by line by the format's grammar, CSL-JSON by citation-js's
 * own reader, which is what Zotero's translators follow for these fields).
 */
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { citationKeys, citationYear, cslItem, cslJson, readableKey, risRecords, surnames } from '../../src/lib/citation.ts';
import { toPaper, type Paper } from '../../src/lib/papers.ts';
import type { PaperData } from '../../src/lib/schema.ts';
import { readRis } from '../fixtures/ris.ts';

function paper(id: string, title: string, extra: Partial<PaperData> = {}, body = 'An abstract\n\nin two paragraphs.'): Paper {
  const data: PaperData = {
    id,
    title,
    topics: [],
    links: [],
    sources: [{ listing: 'l', format: 'hf-api', name: 'Daily Papers', date: '2025-05-30', position: 1 }],
    ...extra,
  };
  return toPaper({ id, data, body, filePath: `content/papers/${id}.mdx` });
}

const arxivPaper = (id: string, title: string, authors: string[], arxiv: string, published?: string): Paper =>
  paper(id, title, { authors, arxiv, ...(published ? { published } : {}), categories: ['cs.CL'] });

describe('citation keys', () => {
  it('are the first author surname, the year and the first title word, as Google Scholar writes them', () => {
    expect(readableKey(arxivPaper('a', 'Attention Is All You Need', ['Ashish Vaswani', 'Noam Shazeer'], '1706.03762', '2017-06-12'))).toBe(
      'vaswani2017attention',
    );
    // A stop word is not the title's first word; accents and particles fold away.
    expect(readableKey(arxivPaper('b', 'On the Scaling of Things', ['José García-López'], '2505.01234'))).toBe('garcialopez2025scaling');
    expect(readableKey(arxivPaper('c', 'The Symphony', ['Ludwig van Beethoven'], '2401.00001', '2023-12-30'))).toBe(
      'beethoven2023symphony',
    );
    // A title of stop words only keeps its first word.
    expect(readableKey(arxivPaper('d', 'Why Not?', ['Ada Lovelace'], '2401.00002'))).toBe('lovelace2024why');
  });

  it('need an arXiv id and an author; otherwise the paper is cited by its id', () => {
    const keys = citationKeys([paper('seed-paper', 'Scaling Law'), paper('no-authors', 'X', { arxiv: '2505.00001' })]);
    expect([...keys]).toEqual([
      ['seed-paper', 'seed-paper'],
      ['no-authors', 'no-authors'],
    ]);
  });

  it('stay unique: papers sharing a key get letters in arXiv id order, so a later paper never renames an earlier one', () => {
    const early = arxivPaper('early', 'Scaling Laws', ['Xiang Li'], '2505.00002');
    const late = arxivPaper('late', 'Scaling Up', ['Wei Li'], '2505.09999');
    const before = citationKeys([early]);
    const after = citationKeys([late, early]);
    expect(before.get('early')).toBe('li2025scaling');
    expect(after.get('early')).toBe('li2025scaling');
    expect(after.get('late')).toBe('li2025scalingb');
  });

  it('take the year from the publication day, else from the arXiv id, else none', () => {
    expect(citationYear({ published: '2019-01-01', arxiv: '2505.00001' })).toBe('2019');
    expect(citationYear({ arxiv: '2412.00001' })).toBe('2024');
    expect(citationYear({})).toBeUndefined();
  });
});

describe('author lines of search results', () => {
  it('name authors by surname, three and "et al." at most, never by a one-letter initial', () => {
    expect(surnames(['Nenad Tomasev', 'Matija Franklin', 'Joel Z. Leibo'])).toBe('Tomasev, Franklin and Leibo');
    expect(surnames(['A. Li', 'B. Wang', 'C. Chen', 'D. Zhou'])).toBe('Li, Wang, Chen et al.');
    expect(surnames(['Ludwig van Beethoven'])).toBe('Beethoven');
    expect(surnames([])).toBe('');
  });
});

describe('CSL-JSON and RIS', () => {
  const p = arxivPaper('attention', 'Attention Is All You Need', ['Ashish Vaswani', 'Ludwig van Beethoven'], '1706.03762', '2017-06-12');
  const item = cslItem(p, 'vaswani2017attention', 'https://e.org/papers/attention/');

  it('describe the arXiv preprint with its id, DOI, date and authors split into family and given names', () => {
    const [read] = new Cite([JSON.parse(cslJson([item]))[0]]).data;
    expect(read).toMatchObject({
      id: 'vaswani2017attention',
      type: 'article',
      title: 'Attention Is All You Need',
      author: [
        { given: 'Ashish', family: 'Vaswani' },
        { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' },
      ],
      issued: { 'date-parts': [[2017, 6, 12]] },
      number: '1706.03762',
      DOI: '10.48550/arXiv.1706.03762',
      URL: 'https://arxiv.org/abs/1706.03762',
      abstract: 'An abstract in two paragraphs.',
    });
  });

  it('write one RIS record per paper, every field on one line', () => {
    const multi = arxivPaper('m', 'Line\nbreak $x^2$ title', ['A B'], '2505.00003');
    const records = readRis(risRecords([item, cslItem(multi, 'b2025line', 'https://e.org/papers/m/')]));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      TI: ['Attention Is All You Need'],
      AU: ['Vaswani, Ashish', 'van Beethoven, Ludwig'],
      PY: ['2017'],
      DO: ['10.48550/arXiv.1706.03762'],
      UR: ['https://arxiv.org/abs/1706.03762'],
      AB: ['An abstract in two paragraphs.'],
    });
    expect(records[1]?.['TI']).toEqual(['Line break x² title']);
    // A long title stays on one line: no wrapping a reader could join back wrongly.
    const long = arxivPaper(
      'l',
      'Beyond Prompt Content: Enhancing LLM Performance via Content-Format Integrated Prompt Optimization',
      ['A B'],
      '2502.04295',
    );
    expect(readRis(risRecords([cslItem(long, 'k', 'https://e.org/')]))[0]?.['TI']).toEqual([long.titleText]);
    expect(risRecords([])).toBe('');
  });

  it('cite the catalogue page, and say so, when there is no arXiv id', () => {
    const seed = cslItem(paper('seed', 'Scaling Law'), 'seed', 'https://e.org/papers/seed/');
    expect(seed).toMatchObject({ type: 'webpage', URL: 'https://e.org/papers/seed/', note: expect.stringContaining('Catalogue entry') });
    expect(readRis(risRecords([seed]))[0]).toMatchObject({ UR: ['https://e.org/papers/seed/'] });
  });
});
