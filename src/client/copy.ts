/**
 * Copy buttons: `data-copy-text` copies that text, `data-copy-from` the text of the element with
 * that id. The button says "Copied" for a moment; a polite live region announces it.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-text], [data-copy-from]')) {
  const idle = button.textContent ?? 'Copy';
  button.dataset['ready'] = '';
  button.addEventListener('click', async () => {
    const from = button.dataset['copyFrom'];
    const text = from ? (document.getElementById(from)?.textContent ?? '') : (button.dataset['copyText'] ?? '');
    const status = button.parentElement?.querySelector('[data-copy-status]');
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
      if (status) status.textContent = 'Copied to the clipboard.';
    } catch {
      button.textContent = 'Press Ctrl+C';
      if (status) status.textContent = 'Copying failed; select the text and copy it.';
    }
    setTimeout(() => {
      button.textContent = idle;
      if (status) status.textContent = '';
    }, 2000);
  });
}
