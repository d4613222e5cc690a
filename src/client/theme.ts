/**
 * The theme toggle: cycles System → the opposite of what the system shows → the same as the system
 * shows, so the first click always changes the page. The choice is stored in localStorage and
 * applied before first paint by public/theme.js; "System" removes it so prefers-color-scheme applies.
 */
type Choice = 'system' | 'dark' | 'light';
const systemIsDark = (): boolean => matchMedia('(prefers-color-scheme: dark)').matches;
const LABEL: Record<Choice, string> = { system: 'System', dark: 'Dark', light: 'Light' };

function current(): Choice {
  const t = document.documentElement.dataset['theme'];
  return t === 'dark' || t === 'light' ? t : 'system';
}

function apply(choice: Choice): void {
  const root = document.documentElement;
  try {
    if (choice === 'system') localStorage.removeItem('theme');
    else localStorage.setItem('theme', choice);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const label = button.querySelector('[data-theme-label]');
  const show = (): void => {
    if (label) label.textContent = LABEL[current()];
  };
  show();
  button.dataset['ready'] = '';
  button.addEventListener('click', () => {
    const order: Choice[] = systemIsDark() ? ['system', 'light', 'dark'] : ['system', 'dark', 'light'];
    apply(order[(order.indexOf(current()) + 1) % order.length] ?? 'system');
    show();
  });
}
