import { describe, expect, it } from 'vitest';
import { ListingError, parseListing } from '../../scripts/ingest/parse.ts';
import { seedListing, seedText } from './helpers.ts';

const HEADER =
  'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nAug 5\n\n';
const ABSTRACT = 'We study a thing at length. It works well in practice, and we release code.';

function errorOf(source: string): ListingError {
  try {
    parseListing(source);
  } catch (error) {
    if (error instanceof ListingError) return error;
    throw error;
  }
  throw new Error('expected a ListingError');
}

describe('parseListing', () => {
  it('reads the seed listing: name, date label and 87 title/abstract pairs in order', () => {
    const listing = seedListing();
    expect(listing.name).toBe('Daily Papers');
    expect(listing.date).toBe('Aug 5');
    expect(listing.papers).toHaveLength(87);
    expect(listing.papers[0]?.title).toBe('Chain-of-Model Learning for Language Model');
    expect(listing.papers[86]?.title).toBe('Enhancing Spatiotemporal Disease Progression Models via Latent Diffusion and Prior Knowledge');
    expect(listing.papers.map((p) => p.position)).toEqual(Array.from({ length: 87 }, (_, i) => i + 1));
    expect(listing.papers[0]?.titleLine).toBe(13);
    expect(listing.papers[0]?.abstract.startsWith('In this paper, we propose a novel learning paradigm')).toBe(true);
  });

  it('tolerates CRLF line endings, trailing spaces and a missing final newline', () => {
    const plain = parseListing(`${HEADER}A Title\n\n${ABSTRACT}\n`);
    const messy = parseListing(`${HEADER}A Title   \n\n${ABSTRACT}  `.replace(/\n/gu, '\r\n'));
    expect(messy).toEqual(plain);
  });

  it('gives the same papers for the seed with CRLF endings', () => {
    expect(parseListing(seedText().replace(/\n/gu, '\r\n'))).toEqual(seedListing());
  });

  it('joins an abstract wrapped over several lines', () => {
    const listing = parseListing(`${HEADER}A Title\n\nFirst line of the abstract\nand its second line.\n`);
    expect(listing.papers[0]?.abstract).toBe('First line of the abstract and its second line.');
  });

  it('reports a title without an abstract at the end, with its line number', () => {
    const error = errorOf(`${HEADER}A Title\n\n${ABSTRACT}\n\nA Lonely Title\n`);
    expect(error.line).toBe(17);
    expect(error.message).toMatch(/"A Lonely Title" has no abstract/u);
  });

  it('reports a title whose abstract is missing in the middle, naming both lines', () => {
    const error = errorOf(`${HEADER}First Title\n\nSecond Title\n\n${ABSTRACT}\n`);
    expect(error.line).toBe(13);
    expect(error.message).toMatch(/"First Title" has no abstract: the next paragraph \(line 15\) is another title/u);
  });

  it('reports a paragraph that fits no pair', () => {
    const error = errorOf(`${HEADER}A Title\n\n${ABSTRACT}\n\n${ABSTRACT} ${ABSTRACT}\nsecond line\n`);
    expect(error.line).toBe(17);
    expect(error.message).toMatch(/expected a paper title/u);
  });

  it('rejects a listing without papers, without a date label, or with binary data', () => {
    expect(errorOf(HEADER).message).toMatch(/no papers after its date label/u);
    expect(errorOf('Daily Papers\n\nSome text\n').message).toMatch(/no date label/u);
    expect(errorOf(`Aug 5\n\nA Title\n\n${ABSTRACT}`).message).toMatch(/does not look like a Daily Papers listing/u);
    expect(errorOf('\u0000\u0001PNG garbage').message).toMatch(/binary/u);
  });
});
