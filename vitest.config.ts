import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{api,workflows,activities,temporal,prisma,web,test,sandbox}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'web/dist/**'],
    globalSetup: ['test/globalSetup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
