/**
 * Real abstracts hold words such as "constructor": every dictionary lookup on text must be a Map or
 * an own-property check, or these words reach Object.prototype. Each of its names goes through the
 * ingest, the text and math helpers, topic matching, related papers and search, as a title word,
 * an abstract word and a query.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../scripts/ingest/entry.ts';
import { planIngest } from '../../scripts/ingest/plan.ts';
import { commitWrites } from '../../scripts/ingest/commit.ts';
import { repair } from '../../scripts/ingest/repair.ts';
import { slugify } from '../../scripts/ingest/slug.ts';
import { assignTopics } from '../../scripts/ingest/topics.ts';
import { loadTopics } from '../../scripts/ingest/catalogue.ts';
import { renderTex, texToText, unicodeToTex } from '../../src/lib/math.ts';
import { fromMdxBody, toMdxBody } from '../../src/lib/mdx.ts';
import { relatedPapers } from '../../src/lib/related.ts';
import { Abbreviations, definitions } from '../../src/lib/acronyms.ts';
import { commonWords, matchTopics, pagefindQuery, resolveTopics } from '../../src/lib/search.ts';
import { otherForms } from '../../src/lib/search-index.ts';
import { readState } from '../../src/lib/search-state.ts';
import { highlight, isExactTitle, readAlso, resultText, writeAlso } from '../../src/lib/search-text.ts';
import { americanSpelling, britishSpelling, otherSpelling } from '../../src/lib/spellings.ts';
import { fold, stem, STOP_WORDS, words } from '../../src/lib/words.ts';
import { scratchContent, scratchDir } from './helpers.ts';

const NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  ...Object.getOwnPropertyNames(Array.prototype),
  ...Object.getOwnPropertyNames(String.prototype),
].filter((n, i, all) => all.indexOf(n) === i && /^[A-Za-z_]+$/u.test(n));

/** The names above that are also HTML5 character references. */
const ENTITIES = new Map([
  ['flat', '♭'],
  ['map', '↦'],
  ['sub', '⊂'],
  ['sup', '⊃'],
]);

const ABSTRACT = (name: string): string =>
  `We study the ${name} of a language model and its ${name.toLowerCase()} at length. The ${name} matters for reasoning, and we release code for the ${name} with many experiments.`;

describe('Object.prototype names as words', () => {
  it('includes the names that broke the build', () => {
    expect(NAMES).toEqual(expect.arrayContaining(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']));
  });

  it('pass through the word toolkit and the text and math helpers unchanged in kind', () => {
    for (const name of NAMES) {
      // Underscores are not letters: "__proto__" is the word "proto" between punctuation.
      const bare = name.replace(/_/gu, '');
      const folded = fold(bare);
      expect(typeof americanSpelling(folded), name).toBe('string');
      expect(typeof britishSpelling(folded), name).toBe('string');
      // String.prototype.normalize is a real word with a British spelling; no other name has one.
      expect(otherSpelling(bare), name).toBe(name === 'normalize' ? 'normalise' : undefined);
      expect(stem(bare), name).toMatch(/^[a-z]+$/u);
      expect(words(`a ${name} b`), name).toEqual(['a', folded, 'b']);
      expect(repair(`The ${name} paper`).text, name).toBe(`The ${name} paper`);
      expect(slugify(`The ${name} paper`), name).toBe(
        `the-${name.toLowerCase().replace(/_+/gu, '-').replace(/^-|-$/gu, '')}-paper`.replace(/--+/gu, '-'),
      );
      expect(texToText(`$\\${name}$ and $${name}$`), name).toBe(`\\${name} and ${name}`);
      expect(renderTex(`\\${name}`), name).not.toContain('function');
      expect(unicodeToTex(name), name).toBe(name);
      expect(fromMdxBody(toMdxBody(`a ${name} &${name}; b`)), name).toBe(`a ${name} &${name}; b`);
      // A reference is decoded only when HTML5 names it: four of these names are musical and set symbols.
      expect(fromMdxBody(`a &${name}; b`), name).toBe(`a ${ENTITIES.get(name) ?? `&${name};`} b`);
    }
  });

  it('pass through search as queries, titles and abstracts', () => {
    const topics = [{ id: 'video', name: 'Video', aliases: ['text-to-video'] }];
    for (const name of NAMES) {
      const bare = name.replace(/_/gu, '');
      const isStop = words(name).every((w) => STOP_WORDS.has(w));
      // A stop word ("at", "in") is left out like any other.
      expect(pagefindQuery(`${name} models`, new Set(['model'])), name).toBe(isStop ? 'models' : name);
      expect(matchTopics(name, topics), name).toEqual([]);
      const state = readState(new URLSearchParams({ q: name, topic: name }));
      expect(state, name).toEqual({ query: name, topics: [name], code: false, all: false });
      expect(resolveTopics(state, topics).topics, name).toEqual([]);
      expect(
        highlight(`The ${name} paper`, name).filter((p) => p.mark),
        name,
      ).toEqual(isStop ? [] : [{ text: bare, mark: true }]);
      expect(isExactTitle(name, `${name}: a paper`), name).toBe(true);
      const abbreviations = new Abbreviations([{ abbreviation: 'LLM', expansions: ['large language model'] }], definitions(ABSTRACT(name)));
      expect(otherForms(ABSTRACT(name), abbreviations), name).toEqual(name === 'normalize' ? [['normalise', 'normalize']] : []);
      expect(readAlso(writeAlso([[name, name]])), name).toEqual([[name, name]]);
      const found = { content: `The ${name}. ${ABSTRACT(name)}`, title: `The ${name}`, also: [] };
      expect(
        resultText(found, name, 10)
          .excerpt.map((p) => p.text)
          .join(''),
        name,
      ).toContain(name);
    }
    expect(commonWords(Array.from({ length: 60 }, () => NAMES.join(' ')))).toEqual(
      expect.arrayContaining([stem('constructor'), stem('toString')]),
    );
  });

  it('pass through topic matching and related papers', () => {
    const rules = loadTopics(scratchContent(), []);
    for (const name of NAMES)
      expect(Array.isArray(assignTopics({ title: name, abstract: ABSTRACT(name), keywords: [name] }, rules)), name).toBe(true);
    const docs = NAMES.map((name, i) => ({ id: `p${i}`, title: `The ${name}`, text: ABSTRACT(name), topics: [name] }));
    const related = relatedPapers(docs);
    expect(related.size).toBe(NAMES.length);
    for (const list of related.values()) for (const r of list) for (const term of r.shared) expect(typeof term).toBe('string');
  });

  it('go through the ingest into entries that hold them as written', () => {
    const dir = scratchContent();
    const listing = join(scratchDir('proto-'), 'listing.txt');
    const header = 'new\n\nGet trending papers in your email inbox!\n\nDaily Papers\n\nAug 9\n\n';
    writeFileSync(listing, header + NAMES.map((name) => `The ${name} Paper\n\n${ABSTRACT(name)}\n`).join('\n'));
    const plan = planIngest({ sourcePath: listing, contentDir: dir });
    expect(plan.errors).toEqual([]);
    expect(plan.refused).toEqual([]);
    expect(plan.counts.new).toBe(NAMES.length);
    commitWrites(dir, plan.writes);
    const constructorEntry = join(dir, 'papers', 'the-constructor-paper.mdx');
    const entry = parseEntry(readFileSync(constructorEntry, 'utf8'), constructorEntry);
    expect(entry.data['title']).toBe('The constructor Paper');
    expect(fromMdxBody(entry.body)).toBe(ABSTRACT('constructor'));
  });
});
