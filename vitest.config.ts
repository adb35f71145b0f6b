import { defineConfig } from 'vitest/config';

const EXCLUDE = ['node_modules/**', 'data/ml-*/**', 'data/pglite/**'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'bot',
          include: ['bot/**/*.test.ts'],
          exclude: EXCLUDE,
          // The adapter tests hold no state in modules (each builds fresh in-memory stores), so their files share one
          // module graph: importing core/index.ts, discord.js and telegraf once, not once per file, keeps them fast.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'other', include: ['**/*.test.ts'], exclude: [...EXCLUDE, 'bot/**'] },
      },
    ],
  },
});
