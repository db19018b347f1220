import { spawnSync } from 'node:child_process';
import { generateClient } from '../prisma/database';
import { ensureTemporalCli } from '../temporal/cli';

function step(name: string, command: string, args: string[]) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

console.log('▶ Preparing: Temporal CLI and Prisma client');
await ensureTemporalCli();
await generateClient();
step('Type check (tsc --noEmit)', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
step('Web build (vite build)', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
step('Tests (vitest: unit, integration on PostgreSQL + Temporal, browser)', process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]);
