import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Abbreviations, definitions } from '../../src/lib/acronyms.ts';
import {
  commonWords,
  COMMON_WORDS_MIN_PAPERS,
  matchTopics,
  pagefindQuery,
  queryWords,
  rankPartial,
  resolveTopics,
  type TopicOption,
} from '../../src/lib/search.ts';
import { otherForms, searchTerms } from '../../src/lib/search-index.ts';
import {
  debounceFor,
  DEBOUNCE_MS,
  describeResults,
  filtersFor,
  readState,
  SHORT_WORD_DEBOUNCE_MS,
  writeState,
} from '../../src/lib/search-state.ts';
import { highlight, isExactTitle, readAlso, resultText, writeAlso, type Also, type Part } from '../../src/lib/search-text.ts';

/** Parts written the way a reader sees them: marked words in [brackets]. */
const show = (parts: Part[]): string => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('search state in the URL', () => {
  it('reads and writes q, several topics, code and all, in a canonical order', () => {
    const state = readState(new URLSearchParams('q=+scaling+laws+&topic=video&topic=diffusion-models&topic=video&code=1'));
    expect(state).toEqual({ query: 'scaling laws', topics: ['diffusion-models', 'video'], code: true, all: false });
    expect(writeState(state)).toBe('?q=scaling+laws&topic=diffusion-models&topic=video&code=1');
    expect(readState(new URLSearchParams(writeState(state)))).toEqual(state);
    expect(writeState({ query: 'a b', topics: [], code: false, all: true })).toBe('?q=a+b&all=1');
    expect(writeState({ query: '', topics: [], code: false, all: true })).toBe('');
  });

  it('maps a state to Pagefind filters: all topics, code', () => {
    expect(filtersFor({ query: 'x', topics: [], code: false })).toEqual({});
    expect(filtersFor({ query: '', topics: ['a', 'b'], code: true })).toEqual({ topic: ['a', 'b'], code: 'yes' });
  });
});

describe('pagefindQuery', () => {
  it('leaves out stop words, unless they are all there is or a phrase is quoted', () => {
    expect(pagefindQuery('mixture of experts')).toBe('mixture experts');
    expect(pagefindQuery('Scaling Laws for the Language Models')).toBe('Scaling Laws Language Models');
    expect(pagefindQuery('of the')).toBe('of the');
    expect(pagefindQuery('"mixture of experts"')).toBe('"mixture of experts"');
  });

  it("leaves out the catalogue's common words beside rarer ones, in any case and number", () => {
    const common = new Set(commonWords(Array.from({ length: 60 }, (_, i) => `models trained for task ${i}`)));
    expect(pagefindQuery('diffusion models', common)).toBe('diffusion');
    expect(pagefindQuery('Model merging', common)).toBe('merging');
    expect(pagefindQuery('training of diffusion MODELS', common)).toBe('diffusion');
    // Nothing rarer to search: the content words stay, so the query still finds what it says.
    expect(pagefindQuery('the models', common)).toBe('models');
    expect(pagefindQuery('training models', common)).toBe('training models');
    expect(pagefindQuery('"diffusion models"', common)).toBe('"diffusion models"');
  });

  it('types math as the index holds it: scripts and braces dropped', () => {
    expect(pagefindQuery('2^{128} codebook')).toBe('2128 codebook');
    expect(pagefindQuery('2^128 codebook')).toBe('2128 codebook');
    expect(pagefindQuery('x_i loss')).toBe('xi loss');
    expect(pagefindQuery('C++ code')).toBe('C++ code');
  });

  it('names the words a query requires, once each', () => {
    expect(queryWords('radiance fields of radiance survey')).toEqual(['radiance', 'fields', 'survey']);
  });
});

describe('commonWords', () => {
  /** A catalogue of n texts: every one says "model" or "models", three in four say "images". */
  const catalogue = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => `${i % 2 ? 'Models' : 'A model'} of the ${i % 4 ? 'images' : 'text'} number${i}`);
  const searched = (query: string, texts: string[], share?: number): string => pagefindQuery(query, new Set(commonWords(texts, share)));

  it('finds the words in at least 80% of the papers, in either number, stop words aside', () => {
    expect(commonWords(catalogue(100))).toHaveLength(1);
    expect(searched('image models of the text', catalogue(100))).toBe('image text');
    expect(searched('images model number7', catalogue(100), 0.7)).toBe('number7');
  });

  it('finds none in a small catalogue, where every word of a few papers would count', () => {
    expect(commonWords(catalogue(COMMON_WORDS_MIN_PAPERS - 1))).toEqual([]);
    expect(searched('diffusion models', catalogue(COMMON_WORDS_MIN_PAPERS))).toBe('diffusion');
  });
});

describe('rankPartial', () => {
  const r = (id: string, score: number) => ({ id, score });
  it('ranks the papers holding most words first, then by score, and says which words each lacks', () => {
    const ranked = rankPartial([
      { word: 'extended', results: [r('a', 1)] },
      { word: 'radiance', results: [r('xr', 2), r('nerf', 5)] },
      { word: 'fields', results: [r('xr', 2), r('nerf', 5)] },
      { word: 'survey', results: [r('xr', 3), r('b', 9)] },
    ]);
    expect(ranked.map((h) => [h.result.id, h.missing])).toEqual([
      ['xr', ['extended']],
      ['nerf', ['extended', 'survey']],
    ]);
  });

  it('shows nothing for a single word, or papers with fewer than half the words', () => {
    expect(rankPartial([{ word: 'x', results: [r('a', 1)] }])).toEqual([]);
    expect(rankPartial(['a', 'b', 'c'].map((word) => ({ word, results: word === 'a' ? [r('p', 1)] : [] })))).toEqual([]);
  });
});

describe('matchTopics', () => {
  // The aliases as the page gives them: the topic's own, and the other forms of its name (searchNames).
  const topics = [
    { id: 'diffusion-models', name: 'Diffusion models' },
    { id: 'hyperparameter-transfer', name: 'Hyperparameter transfer (μP)', aliases: ['muP', 'maximal update parametrization'] },
    { id: 'quantization', name: 'Quantization', aliases: ['Quantisation'] },
    { id: 'scaling-laws', name: 'Scaling laws' },
    { id: 'mixture-of-experts', name: 'Mixture of experts', aliases: ['MoE'] },
    { id: 'optimizers', name: 'Optimisers and learning rates', aliases: ['optimizer'] },
    { id: 'video', name: 'Video' },
    { id: 'vision-transformers', name: 'Vision transformers', aliases: ['ViT'] },
  ];
  const ids = (q: string, among: TopicOption[] = topics): string[] => matchTopics(q, among).map((t) => t.id);

  it('finds topics whose name or alias the query names, by word prefixes', () => {
    expect(ids('quantization')).toEqual(['quantization']);
    expect(ids('Diffusion')).toEqual(['diffusion-models']);
    expect(ids('scaling law')).toEqual(['scaling-laws']);
    expect(ids('muP')).toEqual(['hyperparameter-transfer']);
    expect(ids('moe')).toEqual(['mixture-of-experts']);
    expect(ids('ViT')).toEqual(['vision-transformers']);
    expect(ids('optimiser')).toEqual(['optimizers']);
    expect(ids('quantisation')).toEqual(['quantization']);
  });

  it('finds a topic across plural endings, -es ones too', () => {
    const more = [
      { id: 'nas', name: 'Neural architecture search' },
      { id: 'patches', name: 'Image patch', aliases: ['image patches'] },
      { id: 'kv', name: 'KV cache' },
    ];
    expect(ids('neural architecture searches', more)).toEqual(['nas']);
    expect(ids('image patches', more)).toEqual(['patches']);
    expect(ids('KV caches', more)).toEqual(['kv']);
  });

  it('finds a topic whose whole name the query contains, after the topics the query names', () => {
    expect(ids('video generation')).toEqual(['video']);
    expect(ids('scaling laws for language models')).toEqual(['scaling-laws']);
    expect(ids('sparse moe routing')).toEqual(['mixture-of-experts']);
    expect(ids('video diffusion models')).toEqual(['diffusion-models', 'video']);
    expect(ids('vi')).toEqual(['video', 'vision-transformers']);
  });

  it('matches whole words, ignores stop words and lone letters, and finds nothing for other words', () => {
    const more = [...topics, { id: 'ar', name: 'AR', aliases: ['VAR'] }];
    expect(ids('variational inference', more)).toEqual([]);
    expect(ids('VAR models', more)).toEqual(['ar']);
    expect(ids('of')).toEqual([]);
    expect(ids('C++')).toEqual([]);
    expect(ids('mixture of')).toEqual(['mixture-of-experts']);
    expect(ids('GPipe')).toEqual([]);
    expect(ids('scaling diffusion')).toEqual([]);
    expect(ids('  ')).toEqual([]);
  });
});

describe('resolveTopics, describeResults and debounceFor', () => {
  it('keeps known ids, turns names into ids and drops what names no topic', () => {
    const topics = [
      { id: 'scaling-laws', name: 'Scaling laws' },
      { id: 'video', name: 'Video' },
    ];
    const state = { query: 'q', topics: ['Scaling laws', 'bogus', 'video'], code: true };
    expect(resolveTopics(state, topics)).toEqual({ query: 'q', topics: ['scaling-laws', 'video'], code: true });
  });

  it('names the query and every filter, so an empty list says why', () => {
    const name = (id: string): string => ({ quantization: 'Quantization', 'scaling-laws': 'Scaling laws', video: 'Video' })[id] ?? id;
    expect(describeResults(0, { query: 'scaling', topics: ['quantization', 'scaling-laws'], code: true }, name)).toBe(
      'No papers found for “scaling” in Quantization and Scaling laws with code.',
    );
    expect(describeResults(1, { query: '"mixture of experts"', topics: [], code: false }, name)).toBe(
      '1 paper found for “mixture of experts”.',
    );
    expect(describeResults(12, { query: '', topics: ['quantization', 'scaling-laws', 'video'], code: false }, name)).toBe(
      '12 papers found in Quantization, Scaling laws and Video.',
    );
  });

  it('waits longer while the word being typed has one or two letters', () => {
    expect(SHORT_WORD_DEBOUNCE_MS).toBeGreaterThan(DEBOUNCE_MS);
    for (const typing of ['d', 'di', 'diffusion m', 'μP', '3D']) expect(debounceFor(typing), typing).toBe(SHORT_WORD_DEBOUNCE_MS);
    for (const typing of ['dif', 'diffusion mod', 'muP', '3D ', '', '   ']) expect(debounceFor(typing), typing).toBe(DEBOUNCE_MS);
  });
});

describe('what a result shows', () => {
  /** A page as Pagefind indexes it: title, abstract, then the hidden forms. */
  const page = (title: string, abstract: string, also: Also[] = []) => ({
    content: [`${title}.`, abstract, ...also.map(([h]) => h)].join(' '),
    title,
    also,
  });
  const ABSTRACT = 'We quantize vision transformers to four bits. Quantization of attention is hard; our quantizer keeps accuracy.';

  it('marks every form of the words asked for in the title and the excerpt, and opens the excerpt after the title', () => {
    const { title, excerpt } = resultText(page('Post-Training Quantization for ViTs', ABSTRACT), 'quantization', 30);
    expect(show(title)).toBe('Post-Training [Quantization] for ViTs');
    expect(show(excerpt)).toBe(
      'We [quantize] vision transformers to four bits. [Quantization] of attention is hard; our [quantizer] keeps accuracy.',
    );
    // The last word typed is marked as a word begun: "quan" is on its way to "quantization".
    expect(show(resultText(page('Post-Training Quantization for ViTs', ABSTRACT), 'quan', 30).title)).toBe(
      'Post-Training [Quantization] for ViTs',
    );
  });

  it('marks the words a hidden form stands for: another spelling, an abbreviation spelled out', () => {
    const also: Also[] = [
      ['quantisation', 'Quantization'],
      ['vision transformer', 'ViTs'],
    ];
    const found = page('Post-Training Quantization for ViTs', ABSTRACT, also);
    expect(show(resultText(found, 'quantisation', 30).title)).toBe('Post-Training [Quantization] for ViTs');
    expect(show(resultText(found, 'quantisation', 30).excerpt)).toContain('[Quantization] of attention');
    expect(show(resultText(found, 'vision transformer', 30).title)).toBe('Post-Training Quantization for [ViTs]');
    // The hidden words themselves are never shown, whatever they match.
    expect(show(resultText(found, 'vision transformer', 30).excerpt)).not.toContain('vision transformer');
    expect(show(resultText(found, 'attention', 30).title)).toBe('Post-Training Quantization for ViTs');
  });

  it('shows the densest window of a long abstract with ellipses, never the hidden words', () => {
    const long = `${'filler '.repeat(40)}pruning and more pruning here ${'tail '.repeat(40)}`.trim();
    const found = page('A title', long, [['pruned', 'pruning']]);
    const excerpt = show(resultText(found, 'pruning', 10).excerpt);
    expect(excerpt).toBe('… filler filler filler [pruning] and more [pruning] here tail tail …');
    expect(show(resultText(found, 'absent', 5).excerpt)).toBe('filler filler filler filler filler …');
  });

  it('marks the words of the query Pagefind did not search for, and highlights a name', () => {
    const found = page('Diffusion models', 'Latent diffusion models model the data.');
    expect(show(resultText(found, 'diffusion models', 30).excerpt)).toBe('Latent [diffusion] [models] [model] the data.');
    expect(show(highlight('Mixture of experts (MoE)', 'mixture exp'))).toBe('[Mixture] of [experts] (MoE)');
    expect(show(highlight('<b> & "x"', 'b'))).toBe('<b> & "x"');
  });

  it('marks the word, not the punctuation around it, nor the other half of a hyphenated word', () => {
    const { title, excerpt } = resultText(
      page('GPipe: Efficient Training', 'We present (GPipe), a library for pipe-parallel training.'),
      'GPipe training',
      30,
    );
    expect(show(title)).toBe('[GPipe]: Efficient [Training]');
    expect(show(excerpt)).toBe('We present ([GPipe]), a library for pipe-parallel [training].');
    // A word with a combining accent is marked whole.
    expect(show(highlight('Poincare\u0301 embeddings', 'poincare'))).toBe('[Poincare\u0301] embeddings');
  });

  it('indexes no lone letter, which Pagefind would match to any query starting with it', () => {
    expect(otherForms('Zetta ζ: a harness').map(([h]) => h)).not.toContain('z');
    expect(otherForms('Zetta ζ: a harness').map(([h]) => h)).toContain('zeta');
  });

  it('indexes what an abbreviation stands for in both spellings', () => {
    const known = new Abbreviations([{ abbreviation: 'QLoRA', expansions: ['quantized low-rank adaptation'] }]);
    const hidden = otherForms('We compare with QLoRA.', known).map(([h]) => h);
    expect(hidden).toContain('quantized low-rank adaptation');
    expect(hidden).toContain('quantised low-rank adaptation');
  });

  it('finds an expansion anywhere in a text, inside a longer one, and in either number', () => {
    const known = new Abbreviations([
      { abbreviation: 'RL', expansions: ['reinforcement learning'] },
      { abbreviation: 'RLHF', expansions: ['reinforcement learning from human feedback'] },
      { abbreviation: 'LLM', expansions: ['large language model'] },
    ]);
    const filler = 'We study how the policy changes over many rounds of training. '.repeat(20);
    const text = `Large language models are tuned. ${filler}We close with reinforcement learning from human feedback`;
    const pairs = new Map(known.otherForms(text));
    expect(pairs.get('LLM')).toBe('large language models');
    expect(pairs.get('RLHF')).toBe('reinforcement learning from human feedback');
    expect(pairs.get('RL')).toBe('reinforcement learning');
    // A text that spells an expansion out gets no copy of it, however far in.
    expect(known.otherForms(`RLHF. ${filler}reinforcement learning from human feedback`).map(([h]) => h)).not.toContain(
      'reinforcement learning from human feedback',
    );
  });

  it('recognises a query that is a title, its name before the colon, or either in a hidden form', () => {
    const also: Also[] = [
      ['muP', 'μP'],
      ['Organizing', 'Organising'],
    ];
    expect(isExactTitle('gpipe', 'GPipe: Efficient Training of Giant Neural Networks')).toBe(true);
    expect(isExactTitle('GPipe efficient training of giant neural networks!', 'GPipe: Efficient Training of Giant Neural Networks')).toBe(
      true,
    );
    expect(
      isExactTitle('scaling diffusion transformers efficiently via muP', 'Scaling Diffusion Transformers Efficiently via μP', also),
    ).toBe(true);
    expect(isExactTitle('from skills to talent organizing agents', 'From Skills to Talent: Organising Agents', also)).toBe(true);
    expect(isExactTitle('gpipe efficient', 'GPipe: Efficient Training')).toBe(false);
    expect(isExactTitle('', 'GPipe')).toBe(false);
  });

  it('keeps the hidden forms and what they stand for through the page metadata', () => {
    const pairs: Also[] = [
      ['quantisation', 'quantization'],
      ['partial differential equation', 'PDEs'],
    ];
    expect(readAlso(writeAlso(pairs))).toEqual(pairs);
    expect(readAlso(undefined)).toEqual([]);
  });
});

describe('abbreviations', () => {
  it('finds the definitions a text makes, as Schwartz and Hearst do', () => {
    expect(
      definitions(
        'We solve partial differential equations (PDEs) with a Key-Value (KV) cache and the MAssive Genre-Audience (MAGA) method (e.g., this), ours (Ours) in 2024 (2024) as shown (Fig. 3).',
      ),
    ).toEqual([
      { abbreviation: 'PDE', expansion: 'partial differential equations' },
      { abbreviation: 'KV', expansion: 'Key-Value' },
      { abbreviation: 'MAGA', expansion: 'MAssive Genre-Audience' },
    ]);
  });

  it('adds to a paper what its abbreviations stand for, and the abbreviation of what it spells out', () => {
    const known = new Abbreviations([
      { abbreviation: 'PDE', expansions: ['partial differential equation'] },
      { abbreviation: 'MoE', expansions: ['mixture of experts'] },
    ]);
    expect(known.otherForms('Foundation models for PDEs.')).toEqual([['partial differential equation', 'PDEs']]);
    expect(known.otherForms('A sparse mixture of experts.')).toEqual([['MoE', 'mixture of experts']]);
    expect(known.otherForms('Mixture-of-Experts (MoE) layers and partial differential equations (PDEs).')).toEqual([]);
  });

  it("learns what the catalogue's papers define, unless they disagree or the glossary says otherwise, and reads each paper's own definition first", () => {
    const learned = new Abbreviations(
      [{ abbreviation: 'RL', expansions: ['reinforcement learning'] }],
      [
        { abbreviation: 'GRPO', expansion: 'Group Relative Policy Optimization' },
        { abbreviation: 'GRPO', expansion: 'group relative policy optimisation' },
        { abbreviation: 'TTS', expansion: 'test-time scaling' },
        { abbreviation: 'TTS', expansion: 'text-to-speech' },
        { abbreviation: 'RL', expansion: 'robot learning' },
      ],
    );
    expect(learned.otherForms('We train with GRPO.')).toEqual([['group relative policy optimization', 'GRPO']]);
    expect(learned.otherForms('TTS and RL.')).toEqual([['reinforcement learning', 'RL']]);
    expect(learned.otherForms('robot learning (RL) for arms; RL helps.')).toEqual([]);
  });

  it('works both ways for every entry of the glossary', () => {
    const glossary = parse(readFileSync('content/glossary.yaml', 'utf8')) as Record<string, { expand: string[] }>;
    const entries = Object.entries(glossary).map(([abbreviation, { expand }]) => ({ abbreviation, expansions: expand }));
    expect(entries.length).toBeGreaterThanOrEqual(150);
    const known = new Abbreviations(entries);
    for (const { abbreviation, expansions } of entries) {
      const [first = ''] = expansions;
      expect(known.otherForms(`Results with ${abbreviation} here.`), abbreviation).toEqual(
        expect.arrayContaining(expansions.map((e) => [e, abbreviation])),
      );
      const forms = known.otherForms(`Results with ${first} here.`);
      expect(
        forms.map(([h]) => h),
        first,
      ).toContain(abbreviation);
    }
  });
});

describe('the hidden forms of a paper', () => {
  it('are the other spelling, keyboard forms and abbreviations of its words, none it holds, each once', () => {
    const known = new Abbreviations([{ abbreviation: 'LLM', expansions: ['large language model'] }]);
    expect(otherForms('Quantization of LLMs: analyse the behaviour of μP, DεpS and a 2¹²⁸ codebook; quantization again.', known)).toEqual([
      ['Quantisation', 'Quantization'],
      ['analyze', 'analyse'],
      ['behavior', 'behaviour'],
      ['muP', 'μP'],
      ['DepsilonpS', 'DεpS'],
      ['DepS', 'DεpS'],
      ['2128', '2¹²⁸'],
      ['large language model', 'LLMs'],
    ]);
    expect(otherForms('Quantization and quantisation.')).toEqual([]);
  });

  it("keep the title's apart, so they are indexed with the title's weight", () => {
    const terms = searchTerms('Scaling via μP', 'We scale with μP and optimise.');
    expect(terms.title).toEqual([['muP', 'μP']]);
    expect(terms.abstract).toEqual([['optimize', 'optimise']]);
  });
});
