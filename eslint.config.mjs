import nx from '@nx/eslint-plugin';

// Layers: domain ← contracts ← infra ← apps; no app imports another app, and
// domain libraries stay free of frameworks, databases and brokers.
const frameworkImports = ['@nestjs/*', 'typeorm', 'pg', 'nats', '@angular/*', 'express', 'rxjs'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/webpack.config.js', '**/jest.config.cts', '**/*.cjs', '**/*.mjs'],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:ui', 'type:data-access'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:testing', 'type:client'] },
            // The typed client is published on its own: it depends on no other lib.
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:shared', 'scope:intake'] },
            { sourceTag: 'scope:scoring', onlyDependOnLibsWithTags: ['scope:shared', 'scope:scoring'] },
            { sourceTag: 'scope:cost-tracking', onlyDependOnLibsWithTags: ['scope:shared', 'scope:cost-tracking'] },
            { sourceTag: 'scope:sequencing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:sequencing'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:shared', 'scope:dashboard'] },
          ],
        },
      ],
    },
  },
];
