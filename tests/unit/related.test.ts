import { describe, expect, it } from 'vitest';
import { isKeyPhrase, relatedPapers } from '../../src/lib/related.ts';
import { tokenize, withoutAddresses } from '../../src/lib/terms.ts';
import { words } from '../../src/lib/words.ts';

const doc = (id: string, title: string, text: string) => ({ id, title, text });

describe('tokenize', () => {
  it('drops stop words and numbers and keeps hyphenated compounds whole', () => {
    expect(tokenize('We propose test-time scaling of diffusion models in 2024.').map((t) => t.surface)).toEqual([
      'test-time',
      'scaling',
      'diffusion',
      'models',
    ]);
  });

  it('gives a word one stem in its plural, -ing and British forms, and keeps apart words that only look alike', () => {
    const stems = (text: string) => new Set(tokenize(text).map((t) => t.stem));
    expect(stems('model models modelling modeling')).toHaveLength(1);
    expect(stems('quantisation quantization')).toHaveLength(1);
    expect(stems('strategy strategies')).toHaveLength(1);
    expect(stems('behaviour behaviors')).toHaveLength(1);
    expect(stems('loss lost')).toHaveLength(2);
    expect(stems('test-time test-times')).toHaveLength(1);
  });

  it('leaves out a sentence that gives an address, from its start to the address’s end, and nothing else', () => {
    const surfaces = (text: string) => tokenize(text).map((t) => t.surface);
    expect(surfaces('Sparse experts route tokens. Our code lives at https://github.com/x/y. Routing balances experts!')).toEqual([
      'sparse',
      'experts',
      'route',
      'tokens',
      'routing',
      'balances',
      'experts',
    ]);
    // Two addresses in one sentence; a sentence ended by ? or !; words after an address in its sentence stay.
    expect(words(withoutAddresses('Why? Weights at http://a.org and demos at https://b.org/c today! Done.'))).toEqual([
      'why',
      'today',
      'done',
    ]);
    expect(withoutAddresses('No address, nothing cut. http-based tools stay.')).toBe('No address, nothing cut. http-based tools stay.');
  });
});

describe('relatedPapers', () => {
  const docs = [
    doc('diff-a', 'Diffusion models for images', 'We train diffusion models with a denoising objective on images.'),
    doc('diff-b', 'Faster diffusion sampling', 'Diffusion models need many denoising steps; we cut the number of sampling steps.'),
    doc('prune', 'Magnitude pruning of networks', 'Pruning removes weights by magnitude to get sparse networks.'),
    doc('sparse', 'Sparse training from scratch', 'Sparse networks trained with gradual magnitude pruning.'),
    doc('lonely', 'Quantum chromodynamics', 'Gluons and quarks.'),
  ];
  const related = relatedPapers(docs, { limit: 2 });

  it('ranks papers about the same thing first, with the terms they share', () => {
    expect(related.get('diff-a')?.[0]).toMatchObject({ id: 'diff-b', shared: expect.arrayContaining(['diffusion models']) });
    expect(related.get('prune')?.[0]?.id).toBe('sparse');
    expect(related.get('prune')?.[0]?.shared).toEqual(expect.arrayContaining(['magnitude pruning', 'sparse networks']));
  });

  it('never relates a paper to itself, and relates nothing that shares no terms', () => {
    for (const [id, list] of related) expect(list.map((r) => r.id)).not.toContain(id);
    expect(related.get('lonely')).toEqual([]);
  });

  it('is symmetric in score and deterministic', () => {
    const ab = related.get('diff-a')?.find((r) => r.id === 'diff-b')?.score;
    const ba = related.get('diff-b')?.find((r) => r.id === 'diff-a')?.score;
    expect(ab).toBeGreaterThan(0);
    expect(ab).toBe(ba);
    expect(relatedPapers([...docs].reverse(), { limit: 2 })).toEqual(related);
  });
});

describe('relatedPapers with topics', () => {
  const docs = [
    doc('zero', 'Memory offloading for giant models', 'Training giant models with offloading to CPU and NVMe memory across GPUs.'),
    doc('gpipe', 'Pipeline parallelism for giant models', 'Pipeline parallelism splits giant models across GPUs in micro-batches.'),
    doc('fed', 'Memory-limited federated devices', 'Federated pruning for devices with limited memory across GPUs and phones.'),
  ];
  const topics: Record<string, string[]> = { zero: ['parallelism'], gpipe: ['parallelism'], fed: ['pruning'] };

  it('lifts a paper that shares the topic above one that only shares as many words', () => {
    const plain = relatedPapers(docs, { limit: 2 }).get('zero') ?? [];
    const withTopics = relatedPapers(
      docs.map((d) => ({ ...d, topics: topics[d.id] ?? [] })),
      { limit: 2 },
    ).get('zero');
    expect(withTopics?.[0]?.id).toBe('gpipe');
    expect(withTopics?.find((r) => r.id === 'gpipe')?.score).toBeGreaterThan(plain.find((r) => r.id === 'gpipe')?.score ?? 1);
  });

  it('never relates papers that share a topic but no words', () => {
    const related = relatedPapers(
      [doc('a', 'Gluons', 'Quarks.'), doc('b', 'Photons', 'Leptons.')].map((d) => ({ ...d, topics: ['physics'] })),
    );
    expect(related.get('a')).toEqual([]);
  });

  it('shows no filler or URL parts as shared terms', () => {
    const text = 'Code and project page are available at https://github.com/x/y and built seamlessly.';
    const related = relatedPapers([
      doc('a', 'Sparse experts', `Sparse experts route tokens. ${text}`),
      doc('b', 'Sparse experts again', `Sparse experts. ${text}`),
      ...['Quarks', 'Gluons', 'Photons', 'Leptons', 'Bosons', 'Mesons', 'Baryons'].map((w) => doc(w, w, `${w} exist.`)),
    ]);
    expect(related.get('a')?.[0]?.shared).toEqual(['sparse experts']);
  });

  it('explains a relation with key phrases only, never a lone word two abstracts share by chance', () => {
    const related = relatedPapers([
      doc('a', 'Routing', 'Full runs of sparse experts route tokens, as communities do, with gpt-4.'),
      doc('b', 'Routing again', 'Communities hold sparse experts: full, and gpt-4 again.'),
      ...['Quarks', 'Gluons', 'Photons', 'Leptons', 'Bosons', 'Mesons', 'Baryons'].map((w) => doc(w, w, `${w} exist.`)),
    ]);
    const shared = related.get('a')?.[0]?.shared ?? [];
    expect(shared).toEqual(expect.arrayContaining(['sparse experts', 'gpt-4']));
    expect(shared.filter((t) => !/[\s-]/u.test(t))).toEqual([]);
    expect(['test-time compute', 'text-to-image', 'llama3'].every(isKeyPhrase)).toBe(true);
    expect(['full', 'communities', 'applicable'].some(isKeyPhrase)).toBe(false);
  });
});
