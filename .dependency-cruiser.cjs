/** The folder tree is the architecture: domain ← application ← {persistence, web, api, jobs, cli} ← main. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside src/domain: no database, no web, no Node built-ins, no packages.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: '^src/domain' },
    },
    {
      name: 'application-does-not-import-drivers',
      comment: 'Use cases orchestrate the domain and the stores; the web, API, jobs and CLI call them, never the reverse (ADR 0005).',
      severity: 'error',
      from: { path: '^src/application' },
      to: { path: '^src/(web|api|jobs|cli|main)' },
    },
    {
      name: 'adapters-do-not-import-main',
      severity: 'error',
      comment: 'Only the command line (itself driven by main/cli.ts) may start the composition roots (the web server).',
      from: { path: '^src/(persistence|application|web|api|jobs)' },
      to: { path: '^src/main' },
    },
    {
      name: 'web-and-cli-are-separate-drivers',
      severity: 'error',
      from: { path: '^src/(web|api)' },
      to: { path: '^src/cli' },
    },
    {
      name: 'persistence-imports-only-domain',
      severity: 'error',
      from: { path: '^src/persistence' },
      to: { path: '^src/(application|web|api|jobs|cli|main)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
