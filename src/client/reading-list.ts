/**
 * The reading list page: the papers saved in this browser, or those of a shared link (`?ids=…`),
 * each read from its CSL-JSON citation file; Remove; the whole list as one BibTeX or RIS file
 * (the papers' own citation files, joined); a link that opens the same list elsewhere.
 */
import { $, linked, setText, show } from './dom';
import { listItem, merged, readStored, shareQuery, sharedIds, storageKey } from '../lib/reading-list';

const base = import.meta.env.BASE_URL.replace(/\/?$/u, '/');
const key = storageKey(import.meta.env.BASE_URL);
const status = $('#list-status');
const list = $<HTMLOListElement>('#list-items');
const shared = sharedIds(new URLSearchParams(location.search));

function own(): string[] {
  try {
    return readStored(localStorage.getItem(key));
  } catch {
    return [];
  }
}
function store(ids: string[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(ids));
  } catch {
    if (status) status.textContent = 'This browser does not let the site keep a reading list.';
  }
}
const citation = (id: string, format: 'bib' | 'ris' | 'json'): string => `${base}papers/${id}/citation.${format}`;

async function render(): Promise<void> {
  const ids = shared ?? own();
  show('#list-shared', !!shared && shared.length > 0);
  show('#list-export', ids.length > 0);
  const link = `${location.origin}${base}reading-list/${shareQuery(ids)}`;
  const field = $<HTMLInputElement>('#list-link');
  if (field) field.value = link;
  setText($('#list-link-text'), link);
  const items = await Promise.all(
    ids.map(async (id) => {
      const response = await fetch(citation(id, 'json')).catch(() => undefined);
      const item = response?.ok ? listItem(await response.json().catch(() => undefined)) : undefined;
      const title = item?.title ?? `${id} (no such paper here any more)`;
      const li = linked('list-item', `${base}papers/${id}/`, [{ text: title, mark: false }]);
      setText(li.querySelector('[data-byline]'), item?.byline ?? '');
      const remove = li.querySelector<HTMLButtonElement>('[data-remove]');
      if (shared) remove?.remove();
      remove?.setAttribute('aria-label', `Remove ${item?.title ?? id}`);
      remove?.addEventListener('click', () => {
        store(own().filter((x) => x !== id));
        void render();
      });
      li.dataset['id'] = id;
      return li;
    }),
  );
  list?.replaceChildren(...items);
  const count = `${ids.length} ${ids.length === 1 ? 'paper' : 'papers'}`;
  if (status)
    status.textContent = shared
      ? `${count} in this shared list.`
      : ids.length
        ? `${count} saved in this browser.`
        : 'No papers saved yet. Save papers with the Save button on their pages; they stay in this browser.';
  list?.setAttribute('data-ready', '');
}

/** The list's papers as one file, their citation files joined, downloaded by the browser. */
async function download(format: 'bib' | 'ris'): Promise<void> {
  const ids = shared ?? own();
  const files = await Promise.all(ids.map(async (id) => (await fetch(citation(id, format)).catch(() => undefined))?.text()));
  // Blank lines between entries; a RIS record's last line is "ER  - ", trailing space and all.
  const body = files.flatMap((f) => (f ? [f.replace(/^\n+|\n+$/gu, '')] : [])).join('\n\n');
  const url = URL.createObjectURL(
    new Blob([`${body}\n`], { type: format === 'bib' ? 'application/x-bibtex' : 'application/x-research-info-systems' }),
  );
  const a = Object.assign(document.createElement('a'), { href: url, download: `reading-list.${format}` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-export]'))
  button.addEventListener('click', () => void download(button.dataset['export'] === 'ris' ? 'ris' : 'bib'));
$('[data-save-all]')?.addEventListener('click', () => {
  store(merged(own(), shared ?? []));
  location.assign(`${base}reading-list/`);
});
addEventListener('storage', (event) => event.key === key && !shared && void render());
void render();
