/**
 * Save buttons: `data-save="<id>"` adds the paper to the reading list kept in this browser, or
 * takes it out. The button says which (aria-pressed), also when another tab changes the list.
 */
import { readStored, storageKey, toggled } from '../lib/reading-list';

const key = storageKey(import.meta.env.BASE_URL);
const stored = (): string[] => {
  try {
    return readStored(localStorage.getItem(key));
  } catch {
    return [];
  }
};

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-save]')) {
  const id = button.dataset['save'] ?? '';
  const status = button.parentElement?.querySelector('[data-save-status]');
  const show = (): void => {
    const saved = stored().includes(id);
    button.setAttribute('aria-pressed', String(saved));
    button.textContent = saved ? 'Saved' : 'Save';
  };
  show();
  button.dataset['ready'] = '';
  button.addEventListener('click', () => {
    const save = button.getAttribute('aria-pressed') !== 'true';
    try {
      localStorage.setItem(key, JSON.stringify(toggled(stored(), id, save)));
      if (status) status.textContent = save ? 'Saved to your reading list.' : 'Removed from your reading list.';
    } catch {
      if (status) status.textContent = 'This browser does not let the site keep a reading list.';
    }
    show();
  });
  addEventListener('storage', (event) => event.key === key && show());
}
