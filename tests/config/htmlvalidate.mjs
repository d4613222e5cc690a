// html-validate over every page of the build, with the recommended rules.
/** @type {import('html-validate').ConfigData} */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // A paper page's <title> is the paper's title, which often runs to 150 characters; cutting
    // it would make tabs, bookmarks and history entries ambiguous between papers.
    'long-title': ['error', { maxlength: 300 }],
    // The search page's topic checkboxes share the name "topic" on purpose: several may be
    // checked at once and submit as ?topic=a&topic=b.
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
    // The header's search box lists its first results as the ARIA combobox pattern does (a text
    // box with a listbox of options); a native <select> cannot take free text.
    'prefer-native-element': ['error', { exclude: ['listbox', 'option', 'combobox'] }],
  },
};
