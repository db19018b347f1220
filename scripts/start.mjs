import { ensureNodeModules, runTs } from './bootstrap.mjs';

ensureNodeModules();
runTs('scripts/dev.ts', process.argv.slice(2));
