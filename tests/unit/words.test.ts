/**
 * The word toolkit (src/lib/words.ts, src/lib/spellings.ts): what it does to words, and that it is
 * the only place that does it. Every consumer (topic matching, the topics tool, related papers'
 * key terms, common words, highlighting, exact titles, slugs, merging) imports it, and no other
 * file stems, keeps a stop-word list, strips accents or spells British and American.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { americanSpelling, britishSpelling, spellingStem } from '../../src/lib/spellings.ts';
import { contentWords, fold, isFormOf, isStopWord, stem, stripMarks, words } from '../../src/lib/words.ts';

const ROOT = join(import.meta.dirname, '../..');
const TOOLKIT = ['src/lib/words.ts', 'src/lib/spellings.ts'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|mjs|astro)$/u.test(name) ? [path] : [];
  });
}
const CODE = [...sources('src'), ...sources('scripts')].filter((f) => !TOOLKIT.includes(f));
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

describe('what the toolkit does to words', () => {
  it('folds case, accents, compatibility forms and invisible characters, keeping punctuation', () => {
    expect(fold('Fréchet ﬁne-Tuning')).toBe('frechet fine-tuning');
    expect(fold('zero\u200dwidth\u00ad joiner')).toBe('zerowidth joiner');
    expect(fold('2¹²⁸')).toBe('2128');
    expect(stripMarks('Fréchet')).toBe('Frechet');
  });

  it('folds ASCII, which takes a shorter path, exactly as the full fold would: only its case changes', () => {
    const ascii = String.fromCharCode(...Array.from({ length: 128 }, (_, i) => i));
    const full = ascii
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .normalize('NFC')
      .replace(/\p{Default_Ignorable_Code_Point}/gu, '');
    expect(fold(ascii)).toBe(full);
    expect(fold('Mixture-of-Experts (MoE)')).toBe('mixture-of-experts (moe)');
  });

  it('cuts text into words, and keeps only the content words', () => {
    expect(words('Test-time scaling, for LLMs!')).toEqual(['test', 'time', 'scaling', 'for', 'llms']);
    expect(contentWords('We propose a method for the 3 tasks of X')).not.toContain('the');
    expect(contentWords('We propose a method for the 3 tasks of X')).not.toContain('3');
    expect(isStopWord('The')).toBe(true);
    expect(isStopWord('quantization')).toBe(false);
  });

  it('stems as Pagefind does (Porter2), and one stem covers both spellings', () => {
    expect(stem('models')).toBe('model');
    expect(stem('modelling')).toBe('model');
    expect(stem('quantized')).toBe(stem('quantize'));
    expect(spellingStem('quantisation')).toBe(spellingStem('quantization'));
    expect(spellingStem('behaviours')).toBe(spellingStem('behavior'));
    expect(americanSpelling('colour')).toBe('color');
    expect(britishSpelling('optimization')).toBe('optimisation');
    // Words spelt -ise on both sides are no British spelling of anything.
    expect(americanSpelling('denoise')).toBe('denoise');
    expect(americanSpelling('exercise')).toBe('exercise');
  });

  it('knows a word from its plural', () => {
    expect(isFormOf('queries', 'query')).toBe(true);
    expect(isFormOf('classes', 'class')).toBe(true);
    expect(isFormOf('modeling', 'model')).toBe(false);
  });

  it('takes words that are names of Object.prototype members as plain words', () => {
    for (const w of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => spellingStem(w)).not.toThrow();
      expect(isStopWord(w)).toBe(false);
      expect(americanSpelling(fold(w))).toBe(fold(w));
    }
  });
});

describe('one stemmer, one stop list, one fold in the code base', () => {
  const CONSUMERS: Record<string, string> = {
    'scripts/ingest/topics.ts': 'the ingest’s topic matcher',
    'scripts/topics.ts': 'the topics tool',
    'src/lib/terms.ts': 'related papers’ key terms',
    'src/lib/search.ts': 'common words, query words and topic matching on the search page',
    'src/lib/search-text.ts': 'highlighting and exact titles on the search page',
    'src/lib/search-index.ts': 'the hidden forms each paper indexes',
    'src/lib/acronyms.ts': 'the glossary and the abbreviations papers define',
    'scripts/ingest/slug.ts': 'slugs',
    'scripts/ingest/merge.ts': 'finding the same paper twice',
    'src/lib/papers.ts': 'the A–Z order of titles',
  };

  it.each(Object.entries(CONSUMERS))('%s (%s) takes its words from the toolkit', (file) => {
    expect(read(file)).toMatch(/from '(\.\.\/)*(\.\/|src\/lib\/)?(\.\.\/)*(src\/lib\/)?(words|spellings)\.ts'/u);
  });

  it('only the toolkit imports a stemmer', () => {
    const stemmers = /from '(porter2|stemmer|snowball[\w-]*|natural|wink-[\w-]+|@stdlib\/nlp[\w/-]*)'/u;
    expect(CODE.filter((f) => stemmers.test(read(f)))).toEqual([]);
    expect(read('src/lib/words.ts')).toMatch(/from 'porter2'/u);
  });

  it('only the toolkit holds a stop-word list', () => {
    // A list of function words, in any quoting, or the list file itself.
    const list = /(['"])(the|a|an|of)\1\s*,\s*(['"])(the|a|an|of|and|in|to)\3/u;
    expect(CODE.filter((f) => list.test(read(f)) || read(f).includes('stop-words.json'))).toEqual([]);
  });

  it('only the toolkit strips accents, and only the toolkit spells British and American', () => {
    expect(CODE.filter((f) => /normalize\('NFKD'\)/u.test(read(f)))).toEqual([]);
    expect(CODE.filter((f) => /[([]s[z|]|[([]z[s|]|is(e|ation)\)?\|iz|our\)?\|or/u.test(read(f)))).toEqual([]);
    // scripts/words/make-spellings.ts writes that data once, from its public source.
    const readers = CODE.filter((f) => /spellings\.json|ise-words\.json|ize-words\.json/u.test(read(f)));
    expect(readers).toEqual(['scripts/words/make-spellings.ts']);
  });

  it('the search page’s script leaves the spelling data and the glossary out', () => {
    const client = ['src/lib/search.ts', 'src/lib/search-text.ts', 'src/lib/search-state.ts'];
    for (const f of client) expect(read(f), relative(ROOT, f)).not.toMatch(/spellings\.ts|acronyms\.ts|glossary/u);
  });
});
