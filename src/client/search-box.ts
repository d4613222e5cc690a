/**
 * On every page: `/` focuses the search box (unless the reader is typing in a field); focusing a
 * search box starts loading the search index, never before; and a box with a list (the header's,
 * the home page's) shows the first results as the reader types: arrows move through them, Enter
 * opens one, Escape closes the list (the ARIA combobox pattern). Enter alone opens the search page.
 */
import { clone, optional, setText } from './dom';
import { loadPagefind } from './pagefind';
import { debounceFor } from '../lib/search-state';

const SHOWN = 5;
const isTyping = (el: Element | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(document.activeElement)) return;
  const box = document.querySelector<HTMLInputElement>('#search-query') ?? document.querySelector<HTMLInputElement>('#site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

/** An option of the list, from the form's template: a title and a line under it, opening `href`. */
function option(template: HTMLTemplateElement | null, id: string, title: string, line: string, href: string): HTMLElement {
  const li = Object.assign(clone(template), { id });
  li.dataset['href'] = href;
  setText(li.querySelector('[data-title]'), title);
  optional(li.querySelector('[data-line]'), line, setText);
  return li;
}

function quickResults(box: HTMLInputElement, listbox: HTMLElement, searchPage: string): void {
  const template = box.form?.querySelector<HTMLTemplateElement>('template[data-option]') ?? null;
  let [timer, generation, active] = [undefined as ReturnType<typeof setTimeout> | undefined, 0, -1];
  const options = (): HTMLElement[] => [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
  const close = (): void => {
    generation++;
    [listbox.hidden, active] = [true, -1];
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
  };
  const select = (i: number): void => {
    const all = options();
    active = (i + all.length) % all.length;
    all.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    box.setAttribute('aria-activedescendant', all[active]?.id ?? '');
    all[active]?.scrollIntoView({ block: 'nearest' });
  };
  const show = async (): Promise<void> => {
    const mine = ++generation;
    const query = box.value.trim();
    const pagefind = query ? await loadPagefind().catch(() => undefined) : undefined;
    const response = await pagefind?.search(query);
    if (mine !== generation) return;
    if (!response) return close();
    const [found, text] = await Promise.all([
      Promise.all(response.results.slice(0, 10).map((r) => r.data())),
      import('../lib/search-text'),
    ]);
    if (mine !== generation) return;
    // A query that is a paper's exact title puts that paper first, as on the search page.
    const exact = found.findIndex((d) => text.isExactTitle(query, d.meta['title'] ?? '', text.readAlso(d.meta['also'])));
    if (exact > 0) found.unshift(...found.splice(exact, 1));
    const all = `${searchPage}?q=${encodeURIComponent(query)}`;
    const count = response.results.length;
    listbox.replaceChildren(
      ...found
        .slice(0, SHOWN)
        .map((d, i) => option(template, `${listbox.id}-${i}`, d.meta['title'] ?? d.url, d.meta['byline'] ?? '', d.url)),
      option(
        template,
        `${listbox.id}-all`,
        count > 1
          ? `All ${count} results for “${query}”`
          : count === 1
            ? `The one result for “${query}”, on the search page`
            : `No paper matches “${query}”: open the search page`,
        '',
        all,
      ),
    );
    [listbox.hidden, active] = [false, -1];
    box.setAttribute('aria-expanded', 'true');
  };
  box.addEventListener('input', () => {
    clearTimeout(timer);
    if (!box.value.trim()) return close();
    timer = setTimeout(() => void show(), debounceFor(box.value));
  });
  box.addEventListener('keydown', (event) => {
    if (listbox.hidden) return;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active < 0 ? -1 : active - 1 };
    if (event.key in moves) select(moves[event.key] ?? 0);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Enter' && active >= 0) location.assign(options()[active]?.dataset['href'] ?? all());
    else return;
    event.preventDefault();
  });
  const all = (): string => `${searchPage}?q=${encodeURIComponent(box.value.trim())}`;
  // A click on an option opens it; pressing on one keeps the focus in the box until then.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const picked = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (picked?.dataset['href']) location.assign(picked.dataset['href']);
  });
  box.addEventListener('blur', close);
}

for (const box of document.querySelectorAll<HTMLInputElement>('[data-search-input]')) {
  box.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  const listbox = document.getElementById(box.getAttribute('aria-controls') ?? '');
  if (listbox) quickResults(box, listbox, box.form?.action ?? '');
}
