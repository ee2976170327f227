// One linter for the whole monorepo. Besides the usual rules it holds the architecture:
// dependencies point one way (domain <- protocol <- collab <- web; domain <- storage <- server),
// nothing imports the server, the web app never imports storage, and no deep imports.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const deepImports = {
  group: ['@atelier/*/src/*'],
  message: 'Import a package through its public API (src/index.ts).',
};

function forbid(...packages) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          deepImports,
          ...packages.map((name) => ({
            group: [name, `${name}/*`],
            message: `This layer must not depend on ${name}.`,
          })),
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'bench/results/**',
      'e2e/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Name what a module exports; no export *.' },
        {
          selector:
            'CallExpression[callee.property.name=/^(only)$/][callee.object.name=/^(it|test|describe)$/]',
          message: 'No focused tests in the repository.',
        },
      ],
    },
  },
  {
    files: ['packages/domain/**'],
    rules: forbid(
      '@atelier/protocol',
      '@atelier/collab',
      '@atelier/storage',
      '@atelier/server',
      '@atelier/web',
    ),
  },
  {
    files: ['packages/protocol/**'],
    rules: forbid('@atelier/collab', '@atelier/storage', '@atelier/server', '@atelier/web'),
  },
  {
    files: ['packages/collab/**'],
    rules: forbid('@atelier/storage', '@atelier/server', '@atelier/web'),
  },
  {
    files: ['packages/storage/**'],
    rules: forbid('@atelier/protocol', '@atelier/collab', '@atelier/server', '@atelier/web'),
  },
  { files: ['apps/web/**'], rules: forbid('@atelier/storage', '@atelier/server') },
  {
    files: ['apps/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['apps/server/**', 'bench/**', 'e2e/**'],
    rules: forbid('@atelier/server', '@atelier/web'),
  },
  {
    // Command-line reports print to the terminal on purpose.
    files: ['bench/src/report/**', 'scripts/**', '**/scripts/**'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
