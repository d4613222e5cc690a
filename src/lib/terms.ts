/** The terms of a text for similarity: content words without stopwords, crudely stemmed. */
import { stem } from './text.ts';

const STOPWORDS = new Set(
  `a about above across after again against all almost also although always am among an and any
  are around as at be because been before being below between both but by can could did do does
  doing done down during each either else enough especially etc even ever every few for from
  further furthermore had has have having he her here hers herself him himself his how however i
  ie if in into is it its itself just less let like likely made make makes making many may me
  might more moreover most much must my myself namely near nearly neither no nor not now of off
  often on once one only onto or other others otherwise our ours ourselves out over own per
  perhaps quite rather really same several shall she should show shown shows since so some such
  than that the their theirs them themselves then there thereby therefore these they this those
  though through thus to together too toward towards under until up upon us use used uses using
  very via was we well were what whatever when where whereas whether which while who whom whose
  why will with within without would yet you your yours e g eg et al i e
  paper papers work works propose proposed proposes present presents introduce introduces
  introduced approach approaches method methods result results demonstrate demonstrates
  demonstrated achieve achieves achieved significant significantly novel new existing based
  various different specifically extensive experiment experiments experimental effective
  effectively efficient improve improves improved improvement improvements performance study
  studies code available state art first two three key provide provides further better large
  high low number task tasks evidence insight insights assess area areas domain domains
  advancement advancements superiority real world quality increasing principled unclear
  methodology four five six seven eight nine ten collected promising major million billion
  thousand potential range wide variety simple simply general generally widely commonly common
  crucial critical important importance challenge challenging challenges issue issues problem
  problems question questions factor factors aspect aspects role way ways level levels lead leads
  leading allow allows enable enables enabling remain remains respectively able ability strong
  stronger small smaller larger largest higher lower best good great previous prior recent
  recently current currently standard typical typically given find finds found finding findings
  observe observed observation shows showed analysis analyze analyzed investigate investigates
  investigated explore explores explored address addresses addressed consider considered help
  helps overall additional additionally instead particular particularly specific still end
  without compared compare comparable outperform outperforms superior due
  numerous easy easily reach addition accessible build builds built seamless seamlessly take takes
  taken become becomes became beyond include includes included including need needs needed
  obtain obtained preferred powerful release released surpassing surpasses advantage advantages
  apply applies applied contribute contributes effectiveness independently future impact capable
  capabilities complex relationship quantify quantifies deployed minimal increasingly success
  successful successfully fixed output outputs tens hundreds dozens thousands millions billions
  remarkable notable notably substantial substantially considerable considerably benefit benefits
  offer offers offering provide providing yield yields yielding require requires required
  requiring https http www com org io github html project page pages site lack years guide
  development run runs match matches point perform performs combination multiple jointly
  technique techniques aggregate reduce reduces reduced paradigm facto`.split(/\s+/u),
);

export interface Token {
  stem: string;
  /** The word as written, for display. */
  surface: string;
  /** Position among all words of the text, stopwords included, so phrases never skip a word. */
  index: number;
}

const isNoise = (word: string): boolean => word.length < 2 || STOPWORDS.has(word) || /^\d+(?:\.\d+)?$/u.test(word);

/**
 * Content words of a text, in order, with their stems. A hyphenated compound (`test-time`,
 * `text-to-image`) is one term; its last part is stemmed.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (stem, surface, index) => tokens.push({ stem, surface, index }));
  return tokens;
}

/** Calls `visit` for each content word of a text, without building token objects. */
export function forEachToken(text: string, visit: (stem: string, surface: string, index: number) => void): void {
  let index = 0;
  for (const m of text
    .normalize('NFKC')
    // A URL is an address, not words of the abstract.
    .replace(/\bhttps?:\/\/\S+/gu, ' ')
    .replace(/['’]s\b/gu, '')
    .matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    index += 1;
    const lower = m[0].toLowerCase();
    if (!lower.includes('-')) {
      if (!isNoise(lower)) visit(stem(lower), lower, index);
      continue;
    }
    const parts = lower.split('-');
    if (parts.every(isNoise)) continue;
    visit([...parts.slice(0, -1), stem(parts.at(-1) ?? lower)].join('-'), lower, index);
  }
}
