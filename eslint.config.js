import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import local from './eslint-rules/layers.js'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      // The action speaks through @actions/core, the CLI through its renderer: no stray logs.
      'no-console': 'error'
    }
  },
  {
    // The house's layers (eslint-rules/layers.js; CONTRIBUTING.md, "The house").
    files: ['src/**/*.ts'],
    plugins: { local },
    rules: { 'local/layers': 'error' }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    // The CLI, scripts, benchmarks and tests write to the terminal on purpose.
    files: ['src/cli.ts', 'src/cli/**', 'scripts/**', 'bench/**', '__tests__/**'],
    rules: { 'no-console': 'off' }
  }
)
