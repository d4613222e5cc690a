import { describe, expect, it } from 'vitest';
import {
  debounceFor,
  DEBOUNCE_MS,
  filtersFor,
  SHORT_WORD_DEBOUNCE_MS,
  matchTopics,
  pagefindQuery,
  commonWords,
  COMMON_WORDS_MIN_PAPERS,
  describeResults,
  readState,
  resolveTopics,
  writeState,
  type TopicOption,
} from '../../src/lib/search.ts';
import {
  abstractExcerpt,
  excerptParts,
  asciiAlias,
  asciiSpellings,
  americanSpelling,
  highlight,
  isExactTitle,
  markQueryWords,
} from '../../src/lib/search-text.ts';
import { spellingVariants } from '../../src/lib/search-index.ts';

/** Parts written the way a reader sees them: marked words in [brackets]. */
const show = (parts: { text: string; mark: boolean }[] | undefined): string | undefined =>
  parts?.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

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
    expect(asciiSpellings('DεpS: Delayed ε-Shrinking via μP, γ and 10¹⁹')).toEqual(['DepsilonpS', 'epsilon', 'muP', 'gamma', 'DepS']);
    expect(asciiSpellings('Plain title')).toEqual([]);
  });

  it('spells the words of a text the other way, British or American, for people typing them', () => {
    expect(spellingVariants('Post-Training Quantization of Optimizers: analyse the behaviour')).toEqual([
      'Quantisation',
      'Optimisers',
      'analyze',
      'behavior',
    ]);
    expect(spellingVariants('Modelling and labeled centres, colorful tumours; realised and realized')).toEqual([
      'Modeling',
      'labelled',
      'centers',
      'colourful',
      'tumors',
    ]);
    expect(spellingVariants('QUANTIZATION and generalizability')).toEqual(['QUANTISATION', 'generalisability']);
  });

  it('spells prefixed words, listed pairs and words in capitals, once per word whatever its case', () => {
    expect(spellingVariants('Unlabelled data, zero-centred Centres, a greyscale defence; remodelled')).toEqual([
      'Unlabeled',
      'centered',
      'Centers',
      'grayscale',
      'defense',
      'remodeled',
    ]);
    expect(spellingVariants('Quantization. quantization, QUANTIZATION')).toEqual(['Quantisation']);
  });

  it('leaves alone the words spelt one way on both sides of the Atlantic', () => {
    expect(
      spellingVariants(
        'A precise, promising, supervised denoising: otherwise pairwise noise, analysis, size, decision, laboratory, rigorous, advertising, resized, downsizing, humoral',
      ),
    ).toEqual([]);
  });

  it('compares words across spellings in American spelling, half-typed ones too', () => {
    expect(['optimiser', 'behaviours', 'modelling', 'centre', 'quantisa', 'quantization'].map(americanSpelling)).toEqual([
      'optimizer',
      'behaviors',
      'modeling',
      'center',
      'quantiza',
      'quantization',
    ]);
  });

  it('highlights a word typed in the other spelling', () => {
    expect(highlight('Quantization and behavior modeling', 'quantisation behaviour modelling')).toBe(
      '<mark>Quantization</mark> and <mark>behavior</mark> <mark>modeling</mark>',
    );
  });

  it('still highlights a word typed as written, whole or half typed', () => {
    expect(highlight('It quantises and analyses', 'quantises analyses')).toBe('It <mark>quantises</mark> and <mark>analyses</mark>');
    expect(highlight('colour, behaviour and modelling', 'colou behaviou modell')).toBe(
      '<mark>colour</mark>, <mark>behaviour</mark> and <mark>modelling</mark>',
    );
    expect(highlight('zero-centred inputs', 'centre')).toBe('zero-<mark>centred</mark> inputs');
    expect(highlight('an improvisation', 'improvisa')).toBe('an <mark>improvisation</mark>');
  });

  it('recognises a title typed in British spelling', () => {
    expect(isExactTitle('Post-Training Quantisation for Vision Transformers', 'Post-Training Quantization for Vision Transformers')).toBe(
      true,
    );
    expect(isExactTitle('Post-Training Quantisation', 'Post-Training Quantization for Vision Transformers')).toBe(false);
  });

  it('recognises a query that is a title, give or take case, punctuation and Greek spelling', () => {
    expect(isExactTitle('scaling diffusion transformers efficiently via mup', 'Scaling Diffusion Transformers Efficiently via μP')).toBe(
      true,
    );
    expect(isExactTitle('GPipe: Efficient Training', 'GPipe — efficient training')).toBe(true);
    expect(isExactTitle('GPipe', 'GPipe: Efficient Training')).toBe(true);
    expect(isExactTitle('deps', 'DεpS: Delayed ε-Shrinking')).toBe(true);
    expect(isExactTitle('Efficient Training', 'GPipe: Efficient Training')).toBe(false);
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

  it('marks what Pagefind matched: singular forms of plural terms, and Greek letters typed in ASCII', () => {
    expect(highlight('Scaling Law with Learning Rate Annealing', 'scaling laws')).toBe(
      '<mark>Scaling</mark> <mark>Law</mark> with Learning Rate Annealing',
    );
    expect(highlight('Transfer via μP', 'muP')).toBe('Transfer via <mark>μP</mark>');
    expect(highlight('Mixture of Experts', '"mixture of experts"')).toBe('<mark>Mixture</mark> of <mark>Experts</mark>');
  });
});

describe('abstractExcerpt', () => {
  const title = 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism';
  // Pagefind's page text: the heading (which it ends with a full stop), then the abstract.
  const abstract = Array.from({ length: 60 }, (_, i) => `w${i}`);
  const content = `${title}. ${abstract.join(' ')}`;
  const at = (word: string): number => content.split(' ').indexOf(word);

  it('starts after the title when only the title matched', () => {
    expect(show(abstractExcerpt({ content, locations: [at('GPipe:')] }, title, 5))).toBe('w0 w1 w2 w3 w4 …');
  });

  it('shows the densest run of matches in the abstract, never the title, from a few words before the first', () => {
    const locations = [at('GPipe:'), at('w8'), at('w40'), at('w42')];
    expect(show(abstractExcerpt({ content, locations }, title, 6))).toBe('… w37 w38 w39 [w40] w41 [w42] …');
  });

  it('ends at the end of the abstract with a full window', () => {
    expect(show(abstractExcerpt({ content, locations: [at('w59')] }, title, 4))).toBe('… w56 w57 w58 [w59]');
  });

  it('shows a short abstract whole, without ellipses, as plain text', () => {
    const parts = abstractExcerpt({ content: 'Why List<T> works. Types <b>&lt;i&gt; here', locations: [4] }, 'Why List<T> works', 30);
    expect(parts).toEqual([
      { text: 'Types ', mark: false },
      { text: '<b>&lt;i&gt;', mark: true },
      { text: ' here', mark: false },
    ]);
  });

  it('starts after the hidden ASCII spellings a page with Greek letters is indexed with, and the title', () => {
    expect(show(abstractExcerpt({ content: 'muP DepS Scaling via μP. We scale μP', locations: [7] }, 'Scaling via μP', 3))).toBe(
      'We scale [μP]',
    );
  });

  it('opens at the words the query asks for in another spelling, which Pagefind matched only in the hidden spellings', () => {
    const words = [...abstract.slice(0, 30), 'quantization,', ...abstract.slice(30)].join(' ');
    const page = { content: `Quantisation ${title}. ${words}`, locations: [0] };
    expect(show(abstractExcerpt(page, title, 4))).toBe('w0 w1 w2 w3 …');
    expect(show(abstractExcerpt(page, title, 4, 'quantisation'))).toBe('… w27 w28 w29 [quantization,] …');
  });

  it("leaves Pagefind's excerpt when the text does not start with the title, is only the title, or is split on U+200B", () => {
    expect(abstractExcerpt({ content: abstract.join(' '), locations: [3] }, title, 30)).toBeUndefined();
    expect(abstractExcerpt({ content: `${title}.`, locations: [0] }, title, 30)).toBeUndefined();
    expect(
      abstractExcerpt({ content: 'Title. 模型训练', raw_content: 'Title. 模型\u200B训练', locations: [1] }, 'Title', 30),
    ).toBeUndefined();
    expect(abstractExcerpt({ content, locations: [1] }, '', 30)).toBeUndefined();
  });
});

describe('excerptParts', () => {
  it("reads Pagefind's excerpt: escaped text, matched words in <mark>", () => {
    expect(excerptParts('a &lt;b&gt; <mark>GPipe,</mark> c <mark>x&lt;y</mark>')).toEqual([
      { text: 'a <b> ', mark: false },
      { text: 'GPipe,', mark: true },
      { text: ' c ', mark: false },
      { text: 'x<y', mark: true },
    ]);
  });
});

describe('matchTopics', () => {
  const topics = [
    { id: 'diffusion-models', name: 'Diffusion models' },
    { id: 'hyperparameter-transfer', name: 'Hyperparameter transfer (μP)' },
    { id: 'quantization', name: 'Quantization' },
    { id: 'scaling-laws', name: 'Scaling laws' },
    { id: 'mixture-of-experts', name: 'Mixture of experts', aliases: ['MoE'] },
    { id: 'optimizers', name: 'Optimisers and learning rates', aliases: ['optimizer'] },
    { id: 'video', name: 'Video' },
    { id: 'vision-transformers', name: 'Vision transformers', aliases: ['ViT'] },
  ];
  const ids = (q: string, among: TopicOption[] = topics): string[] => matchTopics(q, among).map((t) => t.id);

  it('finds topics whose name the query names, by word prefixes', () => {
    expect(ids('quantization')).toEqual(['quantization']);
    expect(ids('Diffusion')).toEqual(['diffusion-models']);
    expect(ids('scaling law')).toEqual(['scaling-laws']);
    expect(ids('muP')).toEqual(['hyperparameter-transfer']);
  });

  it('finds a topic by an alias, and across British and American spelling', () => {
    expect(ids('moe')).toEqual(['mixture-of-experts']);
    expect(ids('ViT')).toEqual(['vision-transformers']);
    expect(ids('optimizer')).toEqual(['optimizers']);
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
    expect(ids('image patch', more)).toEqual(['patches']);
    expect(ids('KV caches', more)).toEqual(['kv']);
  });

  it('finds a topic whose whole name the query contains, after the topics the query names', () => {
    expect(ids('video generation')).toEqual(['video']);
    expect(ids('scaling laws for language models')).toEqual(['scaling-laws']);
    expect(ids('sparse moe routing')).toEqual(['mixture-of-experts']);
    expect(ids('video diffusion models')).toEqual(['diffusion-models', 'video']);
    expect(ids('vi')).toEqual(['video', 'vision-transformers']);
  });

  it('matches whole words, so a word that merely starts like a name or alias names nothing', () => {
    const more = [
      ...topics,
      { id: 'parallelism', name: 'Parallelism and memory', aliases: ['ZeRO'] },
      { id: 'ar', name: 'AR', aliases: ['VAR'] },
    ];
    expect(ids('variational inference', more)).toEqual([]);
    expect(ids('nash equilibrium', more)).toEqual([]);
    expect(ids('vital comes images', more)).toEqual([]);
    expect(ids('parallelis', more)).toEqual(['parallelism']);
    expect(ids('VAR models', more)).toEqual(['ar']);
  });

  it('ignores stop words and single letters, which would name half the vocabulary', () => {
    expect(ids('of')).toEqual([]);
    expect(ids('a')).toEqual([]);
    expect(ids('C++')).toEqual([]);
    expect(ids('mixture of')).toEqual(['mixture-of-experts']);
  });

  it('finds nothing for words no topic name has, or an empty query', () => {
    expect(ids('GPipe')).toEqual([]);
    expect(ids('scaling diffusion')).toEqual([]);
    expect(ids('  ')).toEqual([]);
  });
});

describe('markQueryWords', () => {
  it('marks every word of the query in an excerpt, also those Pagefind did not search for', () => {
    const parts = [
      { text: '… latent ', mark: false },
      { text: 'diffusion', mark: true },
      { text: ' models (LDMs) model the <data> of ', mark: false },
    ];
    expect(show(markQueryWords(parts, 'diffusion models'))).toBe('… latent [diffusion] [models] (LDMs) [model] the <data> of ');
    expect(
      markQueryWords(parts, 'diffusion models')
        .map((p) => p.text)
        .join(''),
    ).toBe(parts.map((p) => p.text).join(''));
  });

  it('leaves stop words unmarked and keeps what Pagefind marked', () => {
    const parts = [
      { text: 'the ', mark: false },
      { text: 'GPipe,', mark: true },
      { text: ' of it', mark: false },
    ];
    expect(show(markQueryWords(parts, 'the GPipe of'))).toBe('the [GPipe,] of it');
  });
});

describe('pagefindQuery', () => {
  it('leaves out stop words, unless they are all there is or a phrase is quoted', () => {
    expect(pagefindQuery('mixture of experts')).toBe('mixture experts');
    expect(pagefindQuery('Scaling Laws for the Language Models')).toBe('Scaling Laws Language Models');
    expect(pagefindQuery('to be or not to be')).toBe('be not be');
    expect(pagefindQuery('of the')).toBe('of the');
    expect(pagefindQuery('"mixture of experts"')).toBe('"mixture of experts"');
  });

  it("leaves out the catalogue's common words beside rarer ones, in any case and number", () => {
    const common = new Set(['model', 'training']);
    expect(pagefindQuery('diffusion models', common)).toBe('diffusion');
    expect(pagefindQuery('Model merging', common)).toBe('merging');
    expect(pagefindQuery('training of diffusion MODELS', common)).toBe('diffusion');
    // Nothing rarer to search: the content words stay, so the query still finds what it says.
    expect(pagefindQuery('the models', common)).toBe('models');
    expect(pagefindQuery('training models', common)).toBe('training models');
    // A compound is not the common word, and a quoted phrase is searched as typed.
    expect(pagefindQuery('model-based planning', common)).toBe('model-based planning');
    expect(pagefindQuery('"diffusion models"', common)).toBe('"diffusion models"');
  });
});

describe('commonWords', () => {
  /** A catalogue of n texts: every one says "model" or "models", three in four say "images". */
  const catalogue = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => `${i % 2 ? 'Models' : 'A model'} of the ${i % 4 ? 'images' : 'text'} number${i}`);
  /** What a query searches, given the common words of a catalogue. */
  const searched = (query: string, texts: string[], share?: number): string => pagefindQuery(query, new Set(commonWords(texts, share)));

  it('finds the words in at least 80% of the papers, in either number, stop words aside', () => {
    expect(commonWords(catalogue(100))).toHaveLength(1);
    expect(searched('image models of the text', catalogue(100))).toBe('image text');
    expect(searched('image model', catalogue(100), 0.7)).toBe('image model');
    expect(searched('images model number7', catalogue(100), 0.7)).toBe('number7');
  });

  it('finds none in a small catalogue, where every word of a few papers would count', () => {
    expect(commonWords(catalogue(COMMON_WORDS_MIN_PAPERS - 1))).toEqual([]);
    expect(searched('diffusion models', catalogue(COMMON_WORDS_MIN_PAPERS - 1))).toBe('diffusion models');
    expect(searched('diffusion models', catalogue(COMMON_WORDS_MIN_PAPERS))).toBe('diffusion');
  });
});

describe('resolveTopics', () => {
  const topics = [
    { id: 'scaling-laws', name: 'Scaling laws' },
    { id: 'video', name: 'Video' },
  ];
  it('keeps known ids, turns names into ids and drops what names no topic', () => {
    const state = { query: 'q', topics: ['Scaling laws', 'bogus', 'video'], code: true };
    expect(resolveTopics(state, topics)).toEqual({ query: 'q', topics: ['scaling-laws', 'video'], code: true });
  });
});

describe('describeResults', () => {
  const name = (id: string): string => ({ quantization: 'Quantization', 'scaling-laws': 'Scaling laws', video: 'Video' })[id] ?? id;
  it('names the query and every filter, so an empty list says why', () => {
    expect(describeResults(0, { query: 'scaling', topics: ['quantization', 'scaling-laws'], code: true }, name)).toBe(
      'No papers found for “scaling” in Quantization and Scaling laws with code.',
    );
    expect(describeResults(1, { query: 'gpipe', topics: [], code: false }, name)).toBe('1 paper found for “gpipe”.');
    expect(describeResults(1, { query: '"mixture of experts"', topics: [], code: false }, name)).toBe(
      '1 paper found for “mixture of experts”.',
    );
    expect(describeResults(12, { query: '', topics: ['quantization', 'scaling-laws', 'video'], code: false }, name)).toBe(
      '12 papers found in Quantization, Scaling laws and Video.',
    );
  });
});

describe('debounceFor', () => {
  it('waits longer while the word being typed has one or two letters', () => {
    expect(SHORT_WORD_DEBOUNCE_MS).toBeGreaterThan(DEBOUNCE_MS);
    for (const typing of ['d', 'di', 'diffusion m', 'diffusion mo', 'μP', '3D'])
      expect(debounceFor(typing), typing).toBe(SHORT_WORD_DEBOUNCE_MS);
    for (const typing of ['dif', 'diffusion', 'diffusion mod', 'muP', 'diffusion ', '3D ', '👍👍👍'])
      expect(debounceFor(typing), typing).toBe(DEBOUNCE_MS);
  });

  it('searches an emptied box at the usual pace, to clear the results', () => {
    expect(debounceFor('')).toBe(DEBOUNCE_MS);
    expect(debounceFor('   ')).toBe(DEBOUNCE_MS);
  });
});
