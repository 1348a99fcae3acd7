import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

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
