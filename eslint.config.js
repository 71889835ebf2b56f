// ESLint for the browser code the service serves as written: the widget (loader on county pages, app in our
// iframe) and the console pages. Beyond the recommended rules, the project's own promises: no HTML from strings
// (every text goes through textContent or the el() builders) and, in the widget, no long-lived storage.
import js from '@eslint/js';
import globals from 'globals';

const noHtmlFromStrings = {
  'no-restricted-properties': ['error',
    { property: 'innerHTML', message: 'Build nodes (el(), textContent): no HTML from strings.' },
    { property: 'outerHTML', message: 'Build nodes (el(), textContent): no HTML from strings.' },
    { property: 'insertAdjacentHTML', message: 'Build nodes (el(), textContent): no HTML from strings.' },
    { object: 'document', property: 'write', message: 'No document.write.' }],
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
};

export default [
  { ignores: ['**/vendor/**', 'node_modules/**', '**/target/**'] },
  js.configs.recommended,
  {
    files: ['widget/**/*.js', 'service/src/main/resources/web/**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.browser } },
    rules: { ...noHtmlFromStrings, 'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }] },
  },
  {
    // The loader runs as a classic script on the county's own pages.
    files: ['widget/loader.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    // A resident's device may be shared: nothing identifying outlives the tab (docs/widget.md).
    files: ['widget/**/*.js'],
    rules: { 'no-restricted-globals': ['error', { name: 'localStorage', message: 'sessionStorage only: nothing outlives the tab.' }] },
  },
  {
    files: ['eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
];
