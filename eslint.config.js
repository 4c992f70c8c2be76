import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import ombud from './eslint-rules/module-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'web/dist/**',
      'dist/**',
      '.scratch/**',
      '.test-data/**',
      'bin/**',
      'web/postcss.config.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build scripts are plain Node ES modules.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['web/vite.config.ts', 'eslint.config.js', 'eslint-rules/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The house's boundaries: modules meet through index.ts, platform imports no module, domain
    // code does no I/O, and the environment is read in one place.
    files: ['src/**/*.ts'],
    plugins: { ombud },
    rules: {
      'ombud/module-boundaries': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Read settings through platform/config.ts, the one place that reads the environment.',
        },
      ],
    },
  },
  {
    files: ['src/platform/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!.*\\.contract(\\.ts)?$|platform/contract/)',
              message: 'The web app imports only *.contract.ts files from src/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // Tests reach inside modules on purpose; the boundaries hold for the product code.
    files: ['src/**/*.test.ts'],
    rules: { 'ombud/module-boundaries': 'off' },
  },
);
