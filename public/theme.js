// Applies the reader's saved theme before the first paint, so the page never flashes. It is a
// file rather than an inline script so the Content Security Policy can forbid inline scripts.
try {
  var theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {}
