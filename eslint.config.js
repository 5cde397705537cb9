// @ts-check
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

// Charts go through src/lib/charts/echarts.ts only, so no page can pull in the full ECharts bundle.
const echartsOnlyThroughModule = {
  group: ['echarts', 'echarts/*'],
  message: 'Import ECharts through src/lib/charts/echarts.ts only.',
};

/**
 * The stages of src/lib, in order: core (schemas, formatting) → pipeline (read → validate → derive → check →
 * write) → charts (pure option builders) → site (page view-models) ; extract (report page → proposed rows)
 * uses core and pipeline. A module never imports from a later stage.
 */
const laterStages = {
  core: ['pipeline', 'charts', 'site', 'extract'],
  pipeline: ['charts', 'site', 'extract'],
  charts: ['pipeline', 'site', 'extract'],
  site: ['extract'],
  extract: ['charts', 'site'],
};
/** @type {import('eslint').Linter.Config[]} */
const stageRules = Object.entries(laterStages).map(([stage, forbidden]) => ({
  files: [`src/lib/${stage}/**/*.ts`],
  rules: {
    'no-restricted-imports': /** @type {import('eslint').Linter.RuleEntry} */ ([
      'error',
      {
        patterns: [
          echartsOnlyThroughModule,
          {
            group: [...forbidden.map((f) => `**/${f}/*`), ...(stage === 'site' ? [] : ['**/i18n/*'])].filter(
              (g) => !(stage === 'charts' && g === '**/charts/*'),
            ),
            message: `src/lib/${stage} must not import from a later stage (order: core → pipeline → charts → site; extract uses core and pipeline).`,
          },
        ],
      },
    ]),
  },
}));

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
      'no-restricted-imports': ['error', { patterns: [echartsOnlyThroughModule] }],
    },
  },
  ...stageRules,
  {
    files: ['src/lib/charts/echarts.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
