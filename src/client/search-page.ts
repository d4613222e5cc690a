/**
 * The search page: results as you type, topic and has-code filters with counts, state in the URL
 * (`?q=…&topic=…&code=1`, kept with replaceState so a copied link shows the same results), and
 * keyboard use (arrows move through results, Escape clears the query).
 */
import {
  debounceFor,
  describeResults,
  filtersFor,
  matchTopics,
  pagefindQuery,
  readState,
  resolveTopics,
  writeState,
  type SearchState,
  type TopicOption,
} from '../lib/search';
import { abstractExcerpt, excerptParts, highlight, isExactTitle, markQueryWords } from '../lib/search-text';
import { EXCERPT_WORDS, loadPagefind, type Pagefind, type PagefindData, type PagefindResult } from './pagefind';

const PAGE = 10;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = document.querySelector<HTMLInputElement>('#search-query');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const topicGroup = document.querySelector<HTMLElement>('#topic-results');
const topicList = topicGroup?.querySelector('ul');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const empty = document.querySelector<HTMLElement>('#search-empty');
const none = document.querySelector<HTMLElement>('#search-none');

// The topic vocabulary is on the page already, as the filter checkboxes.
const topicOptions: (TopicOption & { href: string })[] = [...document.querySelectorAll<HTMLInputElement>('input[name="topic"]')].map(
  (box) => ({
    id: box.value,
    name: box.dataset['name'] ?? box.value,
    aliases: (box.dataset['aliases'] ?? '').split('|').filter(Boolean),
    href: box.dataset['href'] ?? '',
  }),
);
const topicName = new Map(topicOptions.map((t) => [t.id, t.name]));
// The words nearly every paper holds, which the query to Pagefind leaves out (built into the page).
const commonWords = new Set((form?.dataset['commonWords'] ?? '').split(' ').filter(Boolean));

function currentState(): SearchState {
  const data = new FormData(form ?? undefined);
  return readState(new URLSearchParams([...data.entries()].map(([k, v]) => [k, String(v)])));
}

function applyState(state: SearchState): void {
  if (input) input.value = state.query;
  for (const box of document.querySelectorAll<HTMLInputElement>('input[name="topic"]')) box.checked = state.topics.includes(box.value);
  const code = document.querySelector<HTMLInputElement>('input[name="code"]');
  if (code) code.checked = state.code;
  // A shared link with filters shows them, except on a narrow screen, where the open panel would
  // push the results below the fold; the status line names the filters there.
  const filters = document.querySelector<HTMLDetailsElement>('#search-filters');
  if (filters && (state.topics.length > 0 || state.code) && matchMedia('(min-width: 40rem)').matches) filters.open = true;
  showFilterCount(state);
}

function showFilterCount(state: SearchState): void {
  const selected = state.topics.length + (state.code ? 1 : 0);
  const el = document.querySelector('[data-filter-count]');
  if (el) el.textContent = selected ? `(${selected} selected)` : '';
}

/**
 * A result's excerpt as DOM, never as HTML: the abstract's own parts, or else Pagefind's excerpt
 * (text with `<` and `>` escaped, and <mark> tags), with all the words of the query marked.
 */
function excerptNodes(data: PagefindData, query: string): Node[] {
  const parts = abstractExcerpt(data, data.meta['title'] ?? '', EXCERPT_WORDS, query) ?? excerptParts(data.excerpt);
  return markQueryWords(parts, query).map(({ text, mark }) => {
    if (!mark) return document.createTextNode(text);
    const el = document.createElement('mark');
    el.textContent = text;
    return el;
  });
}

function resultItem(data: PagefindData, query: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'border-b border-line py-4';
  const h = document.createElement('h2');
  h.className = 'font-serif text-lg leading-snug font-semibold';
  const a = document.createElement('a');
  a.href = data.url;
  a.className = 'text-ink no-underline hover:underline';
  a.dataset['result'] = '';
  // highlight() escapes the title and adds only <mark> elements.
  a.innerHTML = highlight(data.meta['title'] ?? data.url, query);
  h.append(a);
  const p = document.createElement('p');
  p.className = 'mt-1 text-sm leading-relaxed text-muted';
  p.append(...excerptNodes(data, query));
  li.append(h, p);
  const topics = (data.meta['topics'] ?? '').split(',').filter(Boolean);
  if (topics.length) {
    const ul = document.createElement('ul');
    ul.className = 'mt-2 flex flex-wrap gap-1.5';
    ul.setAttribute('aria-label', 'Topics');
    for (const id of topics) {
      const chip = document.createElement('li');
      chip.className = 'rounded-full bg-chip px-2.5 py-0.5 text-xs font-medium text-chip-ink';
      chip.textContent = topicName.get(id) ?? id;
      ul.append(chip);
    }
    li.append(ul);
  }
  return li;
}

/** Filter counts for the current results, or (with no counts given) for the whole catalogue. */
function setCounts(counts?: Record<string, Record<string, number> | undefined>): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-count-for]')) {
    const [filter, value] = (el.dataset['countFor'] ?? '').split(':');
    el.textContent = counts ? String(counts[filter ?? '']?.[value ?? ''] ?? 0) : (el.dataset['total'] ?? '0');
  }
}

let generation = 0;
let pending: PagefindResult[] = [];
let pendingQuery = '';

async function showMore(): Promise<void> {
  const mine = generation;
  const batch = pending.splice(0, PAGE);
  if (more) more.disabled = true;
  const datas = await Promise.all(batch.map((r) => r.data()));
  // A new search started while this batch loaded: its results are no longer the ones shown.
  if (mine !== generation) return;
  list?.append(...datas.map((d) => resultItem(d, pendingQuery)));
  if (more) {
    more.disabled = false;
    more.hidden = pending.length === 0;
  }
}

async function run(pagefind: Pagefind, state: SearchState): Promise<void> {
  const mine = ++generation;
  // The list still shows the previous search until this one's results arrive; "Show more" must not
  // add more of it meanwhile.
  pending = [];
  if (more) more.hidden = true;
  showFilterCount(state);
  history.replaceState(history.state, '', `${location.pathname}${writeState(state)}${location.hash}`);
  const hasFilters = state.topics.length > 0 || state.code;
  if (!state.query && !hasFilters) {
    if (list) list.replaceChildren();
    if (topicGroup) topicGroup.hidden = true;
    if (more) more.hidden = true;
    if (none) none.hidden = true;
    if (empty) empty.hidden = false;
    if (status) status.textContent = '';
    if (list) list.dataset['state'] = '';
    setCounts();
    return;
  }
  const papers = await pagefind.search(state.query ? pagefindQuery(state.query, commonWords) : null, { filters: filtersFor(state) });
  if (mine !== generation || !papers) return;

  const results = [...papers.results];
  const first = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
  if (mine !== generation) return;
  // A query that is a paper's exact title puts that paper first, whatever the scores say.
  const exact = first.findIndex((d) => isExactTitle(state.query, d.meta['title'] ?? ''));
  if (exact > 0) {
    const [hit] = first.splice(exact, 1);
    const [hitResult] = results.splice(exact, 1);
    if (hit && hitResult) {
      first.unshift(hit);
      results.unshift(hitResult);
    }
  }
  list?.replaceChildren(...first.map((d) => resultItem(d, state.query)));
  pending = results.slice(PAGE);
  pendingQuery = state.query;
  if (more) {
    more.disabled = false;
    more.hidden = pending.length === 0;
  }

  const topics = matchTopics(state.query, topicOptions).slice(0, 4) as (TopicOption & { href: string })[];
  if (topicGroup && topicList) {
    topicList.replaceChildren(
      ...topics.map((t) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = t.href;
        a.dataset['result'] = '';
        a.className = 'inline-block rounded-full border border-line px-3 py-1 no-underline hover:underline';
        a.innerHTML = highlight(t.name, state.query);
        li.append(a);
        return li;
      }),
    );
    topicGroup.hidden = topics.length === 0;
  }
  setCounts(papers.filters);
  // Marks which state the list shows, so tests (and styles) can tell when results are current.
  if (list) list.dataset['state'] = writeState(state);
  const count = results.length;
  if (empty) empty.hidden = true;
  // With no papers, suggest topics, unless the Topics group already does and no filter is in the way.
  if (none) none.hidden = count > 0 || (topics.length > 0 && !hasFilters);
  if (status) status.textContent = describeResults(count, state, (id) => topicName.get(id) ?? id);
}

function resultLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('#topic-results a[data-result], #search-results a[data-result]')];
}

async function start(): Promise<void> {
  // A link may name a topic that does not exist (or by its name): apply only what the page can show.
  const initial = resolveTopics(readState(new URLSearchParams(location.search)), topicOptions);
  applyState(initial);
  let pagefind: Pagefind;
  try {
    pagefind = await loadPagefind();
  } catch {
    // The development server has no index; in a real build the download failed.
    document.querySelector(import.meta.env.DEV ? '#search-unavailable' : '#search-failed')?.removeAttribute('hidden');
    if (status) status.textContent = import.meta.env.DEV ? 'Search is not available here.' : 'Search could not be loaded.';
    document.querySelector('[data-retry]')?.setAttribute('href', location.href);
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(pagefind, currentState()), delay);
  };
  input?.addEventListener('input', () => schedule(debounceFor(input.value)));
  form?.addEventListener('change', (e) => {
    if (e.target !== input) schedule(0);
  });
  form?.addEventListener('submit', (e) => {
    e.preventDefault();
    schedule(0);
  });
  more?.addEventListener('click', () => void showMore());

  document.addEventListener('keydown', (event) => {
    const links = resultLinks();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape' && (document.activeElement === input || at >= 0)) {
      event.preventDefault();
      if (input) {
        input.value = '';
        input.focus();
      }
      schedule(0);
    } else if (event.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
      const next = links[at + 1];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1])?.focus();
    }
  });

  form?.setAttribute('data-ready', '');
  await run(pagefind, initial);
}

void start();
