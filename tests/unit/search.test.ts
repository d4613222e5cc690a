import { describe, expect, it } from 'vitest';
import { asciiAlias, filtersFor, highlight, isExactTitle, matchTopics, readState, writeState } from '../../src/lib/search.ts';

describe('search state in the URL', () => {
  it('reads and writes q, several topics and code, in a canonical order', () => {
    const state = readState(new URLSearchParams('q=+scaling+laws+&topic=video&topic=diffusion-models&topic=video&code=1'));
    expect(state).toEqual({ query: 'scaling laws', topics: ['diffusion-models', 'video'], code: true });
    expect(writeState(state)).toBe('?q=scaling+laws&topic=diffusion-models&topic=video&code=1');
    expect(readState(new URLSearchParams(writeState(state)))).toEqual(state);
    expect(writeState({ query: '', topics: [], code: false })).toBe('');
  });

  it('maps a state to Pagefind filters: all topics, code', () => {
    expect(filtersFor({ query: 'x', topics: [], code: false })).toEqual({});
    expect(filtersFor({ query: '', topics: ['a', 'b'], code: true })).toEqual({ topic: ['a', 'b'], code: 'yes' });
  });
});

describe('titles', () => {
  it('spells Greek letters and scripts in ASCII for people typing them', () => {
    expect(asciiAlias('Scaling Diffusion Transformers Efficiently via μP')).toBe('Scaling Diffusion Transformers Efficiently via muP');
    expect(asciiAlias('SP²OT: Transport')).toBe('SP2OT: Transport');
    expect(asciiAlias('Plain title')).toBeUndefined();
  });

  it('recognises a query that is a title, give or take case, punctuation and Greek spelling', () => {
    expect(isExactTitle('scaling diffusion transformers efficiently via mup', 'Scaling Diffusion Transformers Efficiently via μP')).toBe(
      true,
    );
    expect(isExactTitle('GPipe: Efficient Training', 'GPipe — efficient training')).toBe(true);
    expect(isExactTitle('GPipe', 'GPipe: Efficient Training')).toBe(false);
    expect(isExactTitle('', 'Anything')).toBe(false);
  });
});

describe('highlight', () => {
  it('marks words starting with a query term and escapes everything else', () => {
    expect(highlight('Sparse <b>pruning</b> & Pruned nets', 'prun')).toBe(
      'Sparse &lt;b&gt;<mark>pruning</mark>&lt;/b&gt; &amp; <mark>Pruned</mark> nets',
    );
    expect(highlight('A "quoted" title', '')).toBe('A &quot;quoted&quot; title');
  });
});

describe('matchTopics', () => {
  const topics = [
    { id: 'diffusion-models', name: 'Diffusion models' },
    { id: 'hyperparameter-transfer', name: 'Hyperparameter transfer (μP)' },
    { id: 'quantization', name: 'Quantization' },
    { id: 'scaling-laws', name: 'Scaling laws' },
  ];
  const ids = (q: string): string[] => matchTopics(q, topics).map((t) => t.id);

  it('finds topics whose name the query names, by word prefixes', () => {
    expect(ids('quantization')).toEqual(['quantization']);
    expect(ids('Diffusion')).toEqual(['diffusion-models']);
    expect(ids('scaling law')).toEqual(['scaling-laws']);
    expect(ids('muP')).toEqual(['hyperparameter-transfer']);
  });

  it('finds nothing for words no topic name has, or an empty query', () => {
    expect(ids('GPipe')).toEqual([]);
    expect(ids('scaling diffusion')).toEqual([]);
    expect(ids('  ')).toEqual([]);
  });
});
