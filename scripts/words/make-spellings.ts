/**
 * Generates the British/American spelling data of src/lib/words/ once, from public word lists:
 *
 *   apt-get install wamerican wbritish     # SCOWL's word lists (wordlist.aspell.net), 2020.12.07
 *   node scripts/words/make-spellings.ts /path/to/american_spellings.json
 *
 * The JSON is `data/american_spellings.json` of github.com/hyperreality/American-British-English-Translator
 * (MIT licence; commit 0b35db2), which maps American spellings to British ones.
 *
 * Writes:
 * - spellings.json: British spelling → American spelling, for every pair of either source whose
 *   difference is one of the systematic ones (ise/ize, yse/yze, our/or, re/er, ll/l, ogue/og, ae/e,
 *   oe/e, ce/se), at most two of them per word, plus the irregular pairs listed below. A pair of
 *   words that differ otherwise (draught/draft, disc/disk, programme/program) is left out: they are
 *   also words of their own in American English, with another meaning.
 * - ise-words.json and ize-words.json: words written -ise (promise, supervise, noise, wise), or
 *   -ize (size, seize, prize), in both spellings, so that src/lib/words.ts does not turn an unknown
 *   word ending in one of them (denoise, pairwise, resize) into the other.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [, , translatorList] = process.argv;
if (!translatorList) {
  console.error('usage: node scripts/words/make-spellings.ts /path/to/american_spellings.json');
  process.exit(2);
}

const wordsOf = (file: string): Set<string> =>
  new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((w) => w.trim())
      .filter((w) => /^[a-z]+$/u.test(w)),
  );
const american = wordsOf('/usr/share/dict/american-english');
const british = wordsOf('/usr/share/dict/british-english');

/** The systematic differences, British first. */
const SUBSTITUTIONS: [string, string][] = [
  ['our', 'or'],
  ['is', 'iz'],
  ['ys', 'yz'],
  ['tre', 'ter'],
  ['bre', 'ber'],
  ['tred', 'tered'],
  ['tring', 'tering'],
  ['ll', 'l'],
  ['l', 'll'],
  ['ogue', 'og'],
  ['ae', 'e'],
  ['oe', 'e'],
  ['ence', 'ense'],
];

/** Every spelling one substitution away. */
function oneAway(word: string): Set<string> {
  const out = new Set<string>();
  for (const [from, to] of SUBSTITUTIONS) {
    for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1))
      out.add(word.slice(0, at) + to + word.slice(at + from.length));
  }
  return out;
}

/** True when `us` is `uk` with at most two systematic substitutions. */
function systematic(uk: string, us: string): boolean {
  for (const one of oneAway(uk)) {
    if (one === us) return true;
    // Two: anaesthetise → anesthetize; but `is` twice counts as one (synthesisation).
    if (oneAway(one).has(us) || one.replaceAll('is', 'iz') === us) return true;
  }
  return uk.replaceAll('is', 'iz') === us;
}

/** Irregular pairs, British first: common in papers, and no systematic difference explains them. */
const IRREGULAR: [string, string][] = [
  ['grey', 'gray'],
  ['greys', 'grays'],
  ['greyscale', 'grayscale'],
  ['artefact', 'artifact'],
  ['artefacts', 'artifacts'],
  ['ageing', 'aging'],
  ['judgement', 'judgment'],
  ['judgements', 'judgments'],
  ['aluminium', 'aluminum'],
  ['sceptic', 'skeptic'],
  ['sceptical', 'skeptical'],
  ['scepticism', 'skepticism'],
  ['manoeuvre', 'maneuver'],
  ['manoeuvres', 'maneuvers'],
  ['manoeuvrability', 'maneuverability'],
  ['plough', 'plow'],
  ['mould', 'mold'],
  ['moulds', 'molds'],
];

const pairs = new Map<string, string>();
const add = (uk: string, us: string): void => {
  if (uk === us || !/^[a-z]+$/u.test(uk) || !/^[a-z]+$/u.test(us)) return;
  if (!systematic(uk, us)) return;
  if (!pairs.has(uk)) pairs.set(uk, us);
};

// The translator's list: American → British.
for (const [us, uk] of Object.entries(JSON.parse(readFileSync(translatorList, 'utf8')) as Record<string, string>)) add(uk, us);
// SCOWL: a British-only word and an American-only word one or two systematic steps apart.
const britishOnly = [...british].filter((w) => !american.has(w)).sort();
const americanOnly = new Set([...american].filter((w) => !british.has(w)));
for (const uk of britishOnly) {
  const found = [...oneAway(uk), uk.replaceAll('is', 'iz')].filter((us) => americanOnly.has(us));
  if (found.length === 1 && found[0]) add(uk, found[0]);
}
for (const [uk, us] of IRREGULAR) pairs.set(uk, us);
// Plural nouns of -ysis and third persons of -yze are both written -yses in British English.
for (const uk of [...pairs.keys()]) if (uk.endsWith('yses')) pairs.delete(uk);

const sorted = Object.fromEntries([...pairs].sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(
  new URL('../../src/lib/words/spellings.json', import.meta.url),
  `${JSON.stringify(sorted, null, 0).replace(/,"/gu, ',\n"')}\n`,
);

// Words spelt -ise (and their forms) the same on both sides: in both lists, with no -ize twin.
const iseWords = [...american]
  .filter((w) => british.has(w) && /ise$/u.test(w) && !american.has(w.replace(/ise$/u, 'ize')) && !pairs.has(w))
  .sort();
writeFileSync(new URL('../../src/lib/words/ise-words.json', import.meta.url), `${JSON.stringify(iseWords)}\n`);
const izeWords = [...american]
  .filter((w) => british.has(w) && /ize$/u.test(w) && !british.has(w.replace(/ize$/u, 'ise')) && !americanOnly.has(w))
  .sort();
writeFileSync(new URL('../../src/lib/words/ize-words.json', import.meta.url), `${JSON.stringify(izeWords)}\n`);
console.log(`${pairs.size} spelling pairs; ${iseWords.length} words written -ise and ${izeWords.length} written -ize on both sides`);
