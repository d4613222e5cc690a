/**
 * On every page: `/` focuses the search box (unless the reader is typing in a field), and focusing
 * a search box starts loading the search index so results come fast.
 */
import { loadPagefind } from './pagefind';

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

for (const box of document.querySelectorAll<HTMLInputElement>('[data-search-input]')) {
  box.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
}
