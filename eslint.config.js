import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Folders carry where code may run: shared/ is pure (no Node, no Electron, no DOM),
// renderer/ reaches the backend only through the API contract.
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'url',
  'worker_threads',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'bench/tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
            { group: nodeBuiltins, message: 'shared/ must not import Node built-ins.' },
            {
              group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ is pure.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer talks to the backend only via the API contract.',
            },
            { group: ['**/electron/**'], message: 'renderer/ must not import electron/ (backend) code.' },
            { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs', 'bin/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // A project file may be open in two processes (safe shared use, test/reliability/twoProcesses.test.ts).
    // A deferred transaction that reads before it writes gets SQLITE_BUSY at once, without waiting, when
    // the other process wrote in between; BEGIN IMMEDIATE takes the write lock first and waits its turn.
    files: ['electron/**/*.ts'],
    ignores: ['electron/import/measureImport.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='CallExpression'][callee.callee.property.name='transaction']",
          message: 'Run write transactions with .immediate(): db.transaction(fn).immediate().',
        },
      ],
    },
  },
  {
    files: ['test/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
