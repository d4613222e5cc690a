import { describe, expect, it } from 'vitest';
import { findDamage } from '../../scripts/ingest/damage.ts';
import { repair, restoreMacros, simplifyMath, splitProse, TEXT_RULES } from '../../scripts/ingest/repair.ts';
import { parseHfPage } from '../../scripts/ingest/sources/hf-page.ts';
import { seedText } from './helpers.ts';

const rule = (name: string) => {
  const found = TEXT_RULES.find((r) => r.name === name);
  if (!found) throw new Error(`no rule ${name}`);
  return (text: string): string => found.apply(text);
};

describe('text repair rules', () => {
  it('tex-specials: \\% and friends become the character', () => {
    expect(rule('tex-specials')('(+0.9\\% to +6.6\\%)')).toBe('(+0.9% to +6.6%)');
    expect(rule('tex-specials')('A\\&B \\#1 snake\\_case')).toBe('A&B #1 snake_case');
  });

  it('tex-quotes: TeX quotes become typographic quotes, straight quotes stay', () => {
    expect(rule('tex-quotes')("the ``emergent abilities''. In")).toBe('the “emergent abilities”. In');
    expect(rule('tex-quotes')("termed ``scaling law crossover,'' where")).toBe('termed “scaling law crossover,” where');
    expect(rule('tex-quotes')('a "seed" ViT and \'raw\' data')).toBe('a "seed" ViT and \'raw\' data');
  });

  it('tex-dashes: em and en dashes', () => {
    expect(rule('tex-dashes')('generation--particularly the problem--by')).toBe('generation—particularly the problem—by');
    expect(rule('tex-dashes')('exponents---the "steepness"')).toBe('exponents—the "steepness"');
    expect(rule('tex-dashes')('Data Filtering -- Data Curation')).toBe('Data Filtering – Data Curation');
    expect(rule('tex-dashes')('pages 10--20')).toBe('pages 10–20');
    expect(rule('tex-dashes')('a single - hyphen and lyrics-to-song')).toBe('a single - hyphen and lyrics-to-song');
  });

  it('stripped-codepoint: x2014 becomes an em dash, only where a reference was stripped', () => {
    expect(rule('stripped-codepoint')('138B token runx2014each from')).toBe('138B token run—each from');
    expect(rule('stripped-codepoint')('hex 0x2014 and model Vx20145')).toBe('hex 0x2014 and model Vx20145');
  });

  it('tex-arrows: arrow macros become arrows, even glued to words', () => {
    expect(rule('tex-arrows')('(37.3 rightarrow 23.8 in FID)')).toBe('(37.3 → 23.8 in FID)');
    expect(rule('tex-arrows')('multimodal imageleftrightarrowtext models')).toBe('multimodal image↔text models');
    expect(rule('tex-arrows')('a leftarrow b')).toBe('a ← b');
  });

  it('tex-times: times glued to a number becomes ×; English "times" stays', () => {
    expect(rule('tex-times')('ImageNet 256times256 and')).toBe('ImageNet 256×256 and');
    expect(rule('tex-times')('an 8times 8 resolution')).toBe('an 8×8 resolution');
    expect(rule('tex-times')('on 4timesRTX 3090 (24G) or 8timesRTX 2080')).toBe('on 4×RTX 3090 (24G) or 8×RTX 2080');
    expect(rule('tex-times')('up to 22times less memory')).toBe('up to 22× less memory');
    const english = 'achieves 2.9 times faster convergence over many timesteps and inference times';
    expect(rule('tex-times')(english)).toBe(english);
  });

  it('tex-font-size: a stripped \\scriptsize is dropped and the letter set small', () => {
    expect(rule('tex-font-size')('Inference Scaling scriptsizeFLaws: The Limits')).toBe('Inference Scaling fLaws: The Limits');
  });

  it('tex-font-switch: a stripped \\rm in parentheses is dropped', () => {
    expect(rule('tex-font-switch')('quantization (rm StatsQ) to improve')).toBe('quantization (StatsQ) to improve');
    expect(rule('tex-font-switch')('the (rm) and (rms norm) stay')).toBe('the (rm) and (rms norm) stay');
    expect(rule('tex-font-switch')('prose (it is cheap) and (bf 16 precision) stays')).toBe(
      'prose (it is cheap) and (bf 16 precision) stays',
    );
    expect(rule('tex-font-switch')('a (rm kNN) search')).toBe('a (kNN) search');
  });

  it('tex-bullet: a stripped \\bullet that starts an item becomes •', () => {
    expect(rule('tex-bullet')('paradigm: bullet Guiding Principles? bullet Model Comparison')).toBe(
      'paradigm: • Guiding Principles? • Model Comparison',
    );
    expect(rule('tex-bullet')('no silver bullet for this')).toBe('no silver bullet for this');
  });

  it('tex-space: a stripped \\space between a number and a word', () => {
    expect(rule('tex-space')('By scaling to 3 space billion parameters')).toBe('By scaling to 3 billion parameters');
    expect(rule('tex-space')('the latent space of models')).toBe('the latent space of models');
  });

  it('greek-letters: names that lost their backslash become letters; English words stay', () => {
    const apply = rule('greek-letters');
    expect(apply('when the step size gamma to infty. Second')).toBe('when the step size γ → ∞. Second');
    expect(apply('Maximal Update Parametrization (muP) and DiT-XL-2-muP')).toBe('Maximal Update Parametrization (μP) and DiT-XL-2-μP');
    expect(apply('scaling PixArt-alpha from 0.04B')).toBe('scaling PixArt-α from 0.04B');
    expect(apply('Delayed epsilon-Shrinking (DepsilonpS) that')).toBe('Delayed ε-Shrinking (DεpS) that');
    const english = 'a strong Kendall-tau correlation, the alpha version, the muon, mup and alphabet';
    expect(apply(english)).toBe(english);
  });

  it('tex-superscript: Unicode where it exists, math otherwise', () => {
    const apply = rule('tex-superscript');
    expect(apply('Partial Optimal Transport (SP^2OT) problem')).toBe('Partial Optimal Transport (SP²OT) problem');
    expect(apply('Scaling on Scales (S^2) and B^2-DiffuRL')).toBe('Scaling on Scales (S²) and B²-DiffuRL');
    expect(apply('sub-networks (> 10^{19}) that')).toBe('sub-networks (> 10¹⁹) that');
    expect(apply('a term x^{ab} here')).toBe('a term \uE000x^{ab}\uE001 here');
  });

  it('tex-subscript: Unicode digits, math for letters; identifiers in code stay', () => {
    const apply = rule('tex-subscript');
    expect(apply('causing CO_2 emission')).toBe('causing CO₂ emission');
    expect(apply('loss (ie D_{KL}) in nats')).toBe('loss (ie \uE000D_{KL}\uE001) in nats');
    expect(apply('see scaling_laws_data_filtering')).toBe('see scaling_laws_data_filtering');
    expect(apply('the top_5 accuracy of gpt_3')).toBe('the top_5 accuracy of gpt_3');
    expect(apply('with S_1 and x_2')).toBe('with S₁ and x₂');
  });
});

describe('math repairs', () => {
  it('math-macros: restores backslashes inside math', () => {
    expect(restoreMacros('L_0 + Acdot S_1^{-alpha} - Ccdot S_2')).toBe('L_0 + A\\cdot S_1^{-\\alpha} - C\\cdot S_2');
    expect(restoreMacros('\\alpha + \\cdot x')).toBe('\\alpha + \\cdot x');
    expect(restoreMacros('x to y, photo')).toBe('x \\to y, photo');
  });

  it('math-prose: cuts a span where a run of prose starts', () => {
    expect(splitProse('L(s) = Acdot S_2 Where S_1 is forward area and S_2')).toEqual({
      math: 'L(s) = Acdot S_2',
      prose: 'Where S_1 is forward area and S_2',
    });
    expect(splitProse('x + y = z')).toEqual({ math: 'x + y = z', prose: '' });
  });

  it('simple-math: spans without variables become Unicode', () => {
    expect(simplifyMath('^2')).toBe('²');
    expect(simplifyMath('\\mu')).toBe('μ');
    expect(simplifyMath('x^2')).toBeUndefined();
  });
});

describe('repair', () => {
  it('repairs the seed formula: macros, prose split and subscripts', () => {
    const raw =
      'over training steps (s): $L(s) = L_0 + Acdot S_1^{-alpha} - Ccdot S_2 Where S_1 is forward area and S_2$ is learning rate annealing area.';
    expect(repair(raw)).toEqual({
      text: 'over training steps (s): $L(s) = L_0 + A\\cdot S_1^{-\\alpha} - C\\cdot S_2$ Where S₁ is forward area and S₂ is learning rate annealing area.',
      rules: ['tex-subscript', 'math-prose', 'math-macros'],
    });
  });

  it('turns a title with simple math into plain Unicode', () => {
    expect(repair('SP$^2$OT: Semantic-Regularized Progressive Partial Optimal Transport').text).toBe(
      'SP²OT: Semantic-Regularized Progressive Partial Optimal Transport',
    );
  });

  it('keeps URLs untouched and literal dollars escaped', () => {
    expect(repair('code at https://x.org/a--b_c^2 costs $5 and 10times less').text).toBe(
      'code at https://x.org/a--b_c^2 costs \\$5 and 10× less',
    );
  });

  it('keeps a URL that holds $…$ as one URL, not math inside a shorter one', () => {
    expect(repair('code at https://github.com/a/b$c$d and $x^2$ after').text).toBe(
      'code at https://github.com/a/b\\$c\\$d and $x^2$ after',
    );
    // A span that only starts inside a URL stays math.
    expect(repair('see https://x.org/$\\frac{a}{b}$ here').text).toBe('see https://x.org/$\\frac{a}{b}$ here');
  });

  it('normalises to NFC and collapses whitespace', () => {
    expect(repair('  Fre\u0301chet \n distance ').text).toBe('Fréchet distance');
  });

  it('leaves no scrape damage in any of the 87 seed papers', () => {
    const damaged = parseHfPage(seedText()).records.flatMap((p) =>
      [repair(p.title).text, repair(p.abstract).text].flatMap((text) =>
        findDamage(text).map((d) => `#${p.position} ${d.name}: ${d.excerpt}`),
      ),
    );
    expect(damaged).toEqual([]);
  });

  it('reports damage that no rule repairs, such as a stripped \\mathbb', () => {
    expect(findDamage(repair('where A in mathbb{R}^{n times d} holds').text).map((d) => d.name)).toContain('font macro');
    expect(findDamage(repair('the top_5 accuracy of gpt_3 (it is cheap)').text)).toEqual([]);
  });

  it('finds every damage pattern in the raw seed (the check can fail)', () => {
    const raw = parseHfPage(seedText()).records.flatMap((p) => [...findDamage(p.title), ...findDamage(p.abstract)].map((d) => d.name));
    expect(new Set(raw)).toEqual(
      new Set([
        'TeX quotes',
        'TeX-escaped special',
        'arrow macro',
        'times macro',
        'stripped character reference',
        'font macro',
        'bullet macro',
        'TeX dash',
        'script outside math',
        'math macro outside math',
        'macro without backslash',
      ]),
    );
  });
});

describe('repair keeps what is not damage', () => {
  it('leaves lone dashes, unpaired backticks and backslashes as written', () => {
    expect(repair('---').text).toBe('---');
    expect(repair('`code` and ``double``').text).toBe('`code` and ``double``');
    expect(repair('back\\slash \\{ \\\\ \\').text).toBe('back\\\\slash \\\\{ \\\\\\\\ \\\\');
    expect(repair('math $\\frac{1}{2}$ stays').text).toBe('math $\\frac{1}{2}$ stays');
  });
});

describe('raw TeX and Hugging Face damage from real responses', () => {
  it('repairs what is certain, each by a named rule', () => {
    const cases: [string, string, string][] = [
      ['\\textsc{AIEV-Instruct}: Code Generation', 'AIEV-Instruct: Code Generation', 'tex-text-macros'],
      ['values of \\emph{1.46} for generation', 'values of 1.46 for generation', 'tex-text-macros'],
      ['see \\url{https://github.com/a/b} for code', 'see https://github.com/a/b for code', 'tex-url'],
      ['artifacts, \\eg, nonphysical deformation', 'artifacts, e.g., nonphysical deformation', 'tex-abbreviations'],
      ['three\\nobreakdash-stage training', 'three-stage training', 'tex-nobreakdash'],
      ['a 360^circ panorama', 'a 360° panorama', 'tex-degree'],
      ['rotated by 90^\\circ and more', 'rotated by 90° and more', 'tex-degree'],
      ['latency by approximately 2times, with', 'latency by approximately 2×, with', 'tex-times'],
      ['KV cache size by 3-4times and', 'KV cache size by 3-4× and', 'tex-times'],
      ['complexity textit{O} of the method', 'complexity O of the method', 'tex-font-switch'],
      ['the MAssive Genre-Audience~(MAGA) method', 'the MAssive Genre-Audience (MAGA) method', 'tex-tie'],
      ['see Fig.~3 for details', 'see Fig. 3 for details', 'tex-tie'],
      ["prompts like ``Let's think step by step'' help", 'prompts like “Let’s think step by step” help'.replace('’', "'"), 'tex-quotes'],
    ];
    for (const [raw, text, rule] of cases) {
      const repaired = repair(raw);
      expect(repaired.text, raw).toBe(text);
      expect(repaired.rules, raw).toContain(rule);
      expect(findDamage(repaired.text), raw).toEqual([]);
    }
  });

  it('turns a degree in math into text, and leaves no damage', () => {
    expect(repair('a $360^\\circ$ view').text).toBe('a 360° view');
  });

  it('warns about what it cannot repair for certain, naming the damage', () => {
    const names = (raw: string): string[] => findDamage(repair(raw).text).map((d) => d.name);
    expect(names('we propose \\ours{}, a method')).toContain('TeX macro');
    expect(names('the \\fireicon\\ marks hot papers')).toContain('TeX macro');
    expect(names('Central to our benchmark is \\method, a pipeline')).toContain('TeX macro');
    expect(names('where calE = calM times R^d holds')).toContain('calligraphic letter macro');
    // The source dropped the name a macro wrote (\\name{}): nothing to repair, but a reader sees a gap.
    expect(names('is text-centric. We introduce , a benchmark for coworker agents')).toContain('word missing before punctuation');
    expect(repair('costs ~10% more, or 1~2 times').text).toBe('costs ~10% more, or 1~2 times');
    expect(repair('a 10X~20X faster speed').text).toBe('a 10X~20X faster speed');
  });
});
