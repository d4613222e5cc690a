/**
 * The search page: results as you type, topic and has-code filters with counts, state in the URL
 * (kept with replaceState, so a copied link shows the same results), papers with most of the words
 * when none has all, and the keyboard (arrows move through results, Escape clears the query). The
 * markup is the page's own <template> elements; the word toolkit loads with the first query.
 */
import { debounceFor, describeResults, filtersFor, readState, writeState, type SearchState } from '../lib/search-state';
import { $, clone, fill, linked, optional, setText, show } from './dom';
import { EXCERPT_WORDS, loadPagefind, type Pagefind, type PagefindData, type PagefindResult } from './pagefind';

const PAGE = 10;
const form = $<HTMLFormElement>('[data-search-form]');
const input = $<HTMLInputElement>('#search-query');
const status = $('#search-status');
const list = $<HTMLOListElement>('#search-results');
const more = $<HTMLButtonElement>('#search-more');

// The topic vocabulary is on the page already, as the filter checkboxes.
const topics = [...document.querySelectorAll<HTMLInputElement>('input[name="topic"]')].map((box) => ({
  id: box.value,
  name: box.dataset['name'] ?? box.value,
  aliases: (box.dataset['aliases'] ?? '').split('|').filter(Boolean),
  href: box.dataset['href'] ?? '',
}));
const topicName = (id: string): string => topics.find((t) => t.id === id)?.name ?? id;
// The words nearly every paper holds, which the query to Pagefind leaves out (built into the page).
const common = new Set((form?.dataset['commonWords'] ?? '').split(' ').filter(Boolean));
let words: Promise<[typeof import('../lib/search'), typeof import('../lib/search-text')]> | undefined;
const loadWords = () => (words ??= Promise.all([import('../lib/search'), import('../lib/search-text')]));

function applyState(state: SearchState): void {
  if (input) input.value = state.query;
  const boxes = document.querySelectorAll<HTMLInputElement>('[data-search-form] input[type="checkbox"]');
  for (const box of boxes) box.checked = box.name === 'code' ? state.code : state.topics.includes(box.value);
  // A shared link with filters opens them, except on a phone, where the status line names them.
  if ((state.topics.length > 0 || state.code) && matchMedia('(min-width: 40rem)').matches) $('#search-filters')?.setAttribute('open', '');
}

async function resultItem(data: PagefindData, query: string): Promise<HTMLElement> {
  const [, text] = await loadWords();
  const meta = data.meta;
  const page = { content: data.content, title: meta['title'] ?? data.url, also: text.readAlso(meta['also']) };
  const { title, excerpt } = text.resultText(page, query, EXCERPT_WORDS);
  const li = linked('search-result', data.url, title);
  fill(li.querySelector('[data-excerpt]'), excerpt);
  // Authors and date, the code badge linking the repository, the topics: each only when known.
  const code = /^https?:\/\//u.test(meta['code'] ?? '') ? meta['code'] : undefined;
  const chips = (meta['topics'] ?? '').split(',').filter(Boolean);
  optional(li.querySelector('[data-byline]'), meta['byline'], setText);
  optional(li.querySelector<HTMLAnchorElement>('[data-code-link]'), code, (el, href) => (el.href = href));
  optional(li.querySelector('ul'), chips.length ? chips : undefined, (ul, ids) =>
    ul.replaceChildren(...ids.map((id) => Object.assign(clone('search-chip'), { textContent: topicName(id) }))),
  );
  return li;
}

/** The items of results, built one per task: ten excerpts at once blocked a slow phone's page. */
async function resultItems(data: PagefindData[], query: string): Promise<HTMLElement[]> {
  const items: HTMLElement[] = [];
  for (const d of data) {
    items.push(await resultItem(d, query));
    await new Promise((resolve) => setTimeout(resolve));
  }
  return items;
}

function setCounts(counts?: Record<string, Record<string, number> | undefined>): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-count-for]')) {
    const [filter = '', value = ''] = (el.dataset['countFor'] ?? '').split(':');
    el.textContent = counts ? String(counts[filter]?.[value] ?? 0) : (el.dataset['total'] ?? '0');
  }
}

// Which search is current, and the results "Show more" adds next, for the query they were found for.
let [generation, pending, pendingQuery] = [0, [] as PagefindResult[], ''];
let filterIndex: Promise<unknown> | undefined;

async function showMore(): Promise<void> {
  const mine = generation;
  if (more) more.disabled = true;
  const items = await resultItems(await Promise.all(pending.splice(0, PAGE).map((r) => r.data())), pendingQuery);
  // A new search started while this batch loaded: its results are no longer the ones shown.
  if (mine !== generation) return;
  list?.append(...items);
  if (more) [more.disabled, more.hidden] = [false, pending.length === 0];
}

async function run(pagefind: Pagefind, state: SearchState): Promise<void> {
  const mine = ++generation;
  // Until this search's results arrive the list shows the last one's; "Show more" must not add to it.
  [pending, pendingQuery] = [[], state.query];
  if (more) more.hidden = true;
  const selected = state.topics.length + (state.code ? 1 : 0);
  $('[data-filter-count]')?.replaceChildren(selected ? `(${selected} selected)` : '');
  history.replaceState(history.state, '', `${location.pathname}${writeState(state)}${location.hash}`);
  if (!state.query && selected === 0) {
    list?.replaceChildren();
    for (const selector of ['#topic-results', '#search-none', '#search-partial']) show(selector, false);
    show('#search-empty', true);
    status?.replaceChildren();
    list?.setAttribute('data-state', '');
    setCounts();
    return;
  }
  // Pagefind counts a filter's values only once that filter's index is loaded: load them all first.
  const [[search, text]] = await Promise.all([loadWords(), (filterIndex ??= pagefind.filters())]);
  const filters = filtersFor(state);
  const response = await pagefind.search(state.query ? search.pagefindQuery(state.query, common) : null, { filters });
  if (mine !== generation || !response) return;
  let results = [...response.results];
  let missing: string[] = [];
  // No paper has every word: the papers with most of them, each word searched alone.
  const asked = search.queryWords(state.query, common);
  if (results.length === 0 && !state.all && asked.length > 1) {
    const perWord = await Promise.all(
      asked.map(async (word) => ({ word, results: (await pagefind.search(word, { filters }))?.results ?? [] })),
    );
    const ranked = search.rankPartial(perWord);
    [results, missing] = [ranked.map((h) => h.result), ranked[0]?.missing ?? []];
  }
  const first = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
  if (mine !== generation) return;
  // A query that is a paper's exact title puts that paper first, whatever the scores say.
  const exact = first.findIndex((d) => text.isExactTitle(state.query, d.meta['title'] ?? '', text.readAlso(d.meta['also'])));
  if (exact > 0) {
    first.unshift(...first.splice(exact, 1));
    results.unshift(...results.splice(exact, 1));
  }
  const items = await resultItems(first, state.query);
  if (mine !== generation) return;
  list?.replaceChildren(...items);
  pending = results.slice(PAGE);
  if (more) [more.disabled, more.hidden] = [false, pending.length === 0];
  const named = search.matchTopics(state.query, topics).slice(0, 4) as typeof topics;
  $('#topic-results ul')?.replaceChildren(...named.map((t) => linked('search-topic', t.href, text.highlight(t.name, state.query))));
  show('#topic-results', named.length > 0);
  fill($('[data-missing]'), text.highlight(missing.join(', '), missing.join(' ')));
  $('[data-all]')?.setAttribute('href', `${location.pathname}${writeState({ ...state, all: true })}`);
  show('#search-partial', missing.length > 0);
  setCounts(missing.length > 0 ? undefined : response.filters);
  // Marks which state the list shows, so tests (and styles) can tell when results are current.
  list?.setAttribute('data-state', writeState(state));
  show('#search-empty', false);
  // With no papers, suggest topics, unless the Topics group already does and no filter is in the way.
  show('#search-none', results.length === 0 && (named.length === 0 || selected > 0));
  status?.replaceChildren(describeResults(results.length, state, topicName));
}

async function start(): Promise<void> {
  const initial = readState(new URLSearchParams(location.search));
  const loading = loadPagefind().catch(() => undefined);
  // A link may name a topic that does not exist, or by its name: apply only what the page can show.
  const resolved = initial.query || initial.topics.length ? (await loadWords())[0].resolveTopics(initial, topics) : initial;
  applyState(resolved);
  const pagefind = await loading;
  if (!pagefind) {
    // The development server has no index; in a real build the download failed.
    show(import.meta.env.DEV ? '#search-unavailable' : '#search-failed', true);
    status?.replaceChildren(import.meta.env.DEV ? 'Search is not available here.' : 'Search could not be loaded.');
    return void $('[data-retry]')?.setAttribute('href', location.href);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number): void => {
    clearTimeout(timer);
    const fields = [...new FormData(form ?? undefined).entries()].map(([k, v]) => [k, String(v)]);
    timer = setTimeout(() => void run(pagefind, readState(new URLSearchParams(fields))), delay);
  };
  input?.addEventListener('input', () => {
    void loadWords();
    schedule(debounceFor(input.value));
  });
  // A filter ticked, or Enter: search now. (Typing is debounced above.)
  form?.addEventListener('change', (e) => e.target !== input && schedule(0));
  form?.addEventListener('submit', (e) => void (e.preventDefault(), schedule(0)));
  more?.addEventListener('click', () => void showMore());
  document.addEventListener('keydown', (event) => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('#topic-results a[data-result], #search-results a[data-result]')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (!input || (document.activeElement !== input && at < 0)) return;
    // Escape clears the query; the arrows move from the box through the results (titles, not code badges) and back.
    const keys: Record<string, HTMLElement | undefined> = {
      Escape: input,
      ArrowDown: links[at + 1],
      ArrowUp: at === 0 ? input : links[at - 1],
    };
    const target = keys[event.key];
    if (!target) return;
    event.preventDefault();
    target.focus();
    if (event.key === 'Escape') {
      input.value = '';
      schedule(0);
    }
  });
  form?.setAttribute('data-ready', '');
  await run(pagefind, resolved);
}

void start();
