/**
 * The architecture rules of STYLE.md, checked on every `npm test`:
 * core/domain stays free of infrastructure and platform libraries; the outer
 * folders reach core only through core/index.ts (and bin/ and data/ through
 * core/wiring.ts) and never import each other; no import cycles.
 */
const INFRA_LIBS =
  'node_modules/(discord[.]js|@discordjs|telegraf|fastify|@fastify|bullmq|ioredis|pg|pg-copy-streams|drizzle-orm|@electric-sql|hnswlib-node|@tensorflow|nanoid|prom-client|@bull-board)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make start-up order and testing fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'core/domain names ports; implementations live in core/infra.',
      from: { path: '^core/domain/' },
      to: { path: INFRA_LIBS },
    },
    {
      name: 'domain-not-infra',
      severity: 'error',
      from: { path: '^core/domain/' },
      to: { path: '^core/infra/' },
    },
    {
      name: 'outer-through-core-index',
      severity: 'error',
      comment: 'bot/, worker/, web-share/, data/ and bin/ may import core only through core/index.ts and core/wiring.ts (benchmarks may also use core/bench/).',
      from: { path: '^(bot|worker|web-share|data|bin)/' },
      to: { path: '^core/', pathNot: '^(core/index[.]ts|core/wiring[.]ts|core/bench/.*)$' },
    },
    {
      name: 'adapters-not-wiring',
      severity: 'error',
      comment:
        "Opening the database, queues, caches and model files is bin/'s wiring (core/wiring.ts); the adapters get what it makes through the use cases' dependencies. Their tests and test fixtures may wire real infrastructure.",
      from: { path: '^(bot|worker|web-share)/', pathNot: '([.]test[.]ts$|/testing/)' },
      to: { path: '^core/wiring[.]ts$' },
    },
    {
      name: 'bot-isolated',
      severity: 'error',
      from: { path: '^bot/' },
      to: { path: '^(worker|web-share|data|bin)/' },
    },
    {
      name: 'worker-isolated',
      severity: 'error',
      from: { path: '^worker/' },
      to: { path: '^(bot|web-share|bin)/' },
    },
    {
      name: 'web-isolated',
      severity: 'error',
      from: { path: '^web-share/' },
      to: { path: '^(bot|worker|data|bin)/' },
    },
    {
      name: 'data-isolated',
      severity: 'error',
      from: { path: '^data/' },
      to: { path: '^(bot|worker|web-share|bin)/' },
    },
    {
      name: 'core-is-inner',
      severity: 'error',
      comment: 'core/ is the shared library: it never imports the folders that use it.',
      from: { path: '^core/', pathNot: '([.]test[.]ts$|^core/bench/)' },
      to: { path: '^(bot|worker|web-share|data|bin)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)migrations/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
