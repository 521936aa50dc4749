const { builtinModules } = require('node:module');
const tseslint = require('typescript-eslint');

/**
 * Workflow code must be deterministic: no Node built-ins, no Nest, no database, no validators.
 * Workflows import only @temporalio/workflow, `import type` from activities, and pure libs.
 */
const workflowRestrictedImports = {
  paths: [
    ...builtinModules.flatMap((name) => [name, `node:${name}`]).map((name) => ({
      name,
      message: 'Workflows are deterministic: Node built-ins belong in activities.',
    })),
    ...['@sagsflow/casework', '@sagsflow/persistence', '@sagsflow/config', '@sagsflow/temporal'].map((name) => ({
      name,
      message: 'Import @sagsflow/domain or @sagsflow/temporal/shared only.',
    })),
  ],
  patterns: [
    { group: ['@nestjs/*'], message: 'Workflows must not import Nest; put the work in an activity.' },
    { group: ['typeorm', 'typeorm/*', 'pg'], message: 'Workflows must not touch the database; use an activity.' },
    { group: ['class-validator', 'class-transformer'], message: 'Validate at the API edge, not in workflows.' },
    { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Not usable inside a workflow.' },
  ],
};

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'tools/ensure-installed.js', 'tools/soak.js', '*.config.js'] },
  ...tseslint.configs.recommended,
  // The web app runs in the browser: DOM types, its own tsconfig (apps/web/tsconfig.json).
  { files: ['apps/web/**/*.{ts,tsx,mts}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts', 'workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', workflowRestrictedImports],
      'no-restricted-syntax': [
        'error',
        {
          // Refused (forged) Update arguments are rejected in validateUpdate, which the SDK runs only for handlers with a validator.
          selector: "CallExpression[callee.name='setHandler'][arguments.0.name=/Update$/][arguments.length<3]",
          message: 'An Update handler needs a validator (validatedOnlyForRefusals from workflows/shared/refused-payloads if it checks nothing).',
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../activities', '../../activities/*'], allowTypeImports: true, message: 'Use `import type` for activities in workflows.' }] },
      ],
    },
  },
);
