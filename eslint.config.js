// @ts-check
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'generated/', '.astro/', 'node_modules/'] },
  ...tseslint.configs.strict,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Charts go through src/lib/charts/echarts.ts only, so no page can pull in the full ECharts bundle.
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['echarts', 'echarts/*'], message: 'Import ECharts through src/lib/charts/echarts.ts only.' }],
        },
      ],
    },
  },
  {
    files: ['src/lib/charts/echarts.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
