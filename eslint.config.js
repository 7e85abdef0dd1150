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

// Domain services: plain Node modules that the backend, the CLI and tests call.
const SERVICE_FOLDERS = [
  'import',
  'search',
  'reports',
  'export',
  'sample',
  'exchange',
  'team',
  'privacy',
  'demo',
];

// Services that still reach up into backend/ (job plumbing, the Session type, the dispatch). Each is to
// leave this list once fixed; until then the rule holds for every other file.
const KNOWN_LAYER_VIOLATIONS = [
  'electron/export/gather.ts', // backend/dispatch (calls reports through invoke), backend/recent, backend/session
  'electron/export/job.ts', // backend/jobs (use jobs/progress), backend/session
  'electron/export/bench.ts', // backend/jobs (yieldToEventLoop is in jobs/progress)
  'electron/export/exportFolder.ts', // backend/userConfig
  'electron/sample/identitySessions.ts', // backend/session
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
  // Layers inside electron/ import only downward: store ← services ← backend ← cli, server, main.
  {
    files: ['electron/store/**/*.ts'],
    ignores: KNOWN_LAYER_VIOLATIONS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)',
              message: 'electron/store/ is the bottom layer: it imports only itself and shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: SERVICE_FOLDERS.map((folder) => `electron/${folder}/**/*.ts`),
    ignores: KNOWN_LAYER_VIOLATIONS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(backend|cli|server|main|preload|window)(/|$)',
              message:
                'Domain services may import electron/store/ and shared/, never backend/ (no calls back into the dispatch), cli/, server/ or main.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(cli|server|main|preload|window)(/|$)',
              message: 'backend/ may import services and store, never cli/, server/ or main.',
            },
          ],
        },
      ],
    },
  },
  {
    // Handlers are what the dispatch calls; one that invoked the dispatch would re-enter it.
    files: ['electron/backend/handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(cli|server|main|preload|window)(/|$)',
              message: 'backend/ may import services and store, never cli/, server/ or main.',
            },
            { regex: '^\\.\\./dispatch$', message: 'A handler must not call back into the dispatch.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
