import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureNodeModules, runTs } from './bootstrap.mjs';

/** Browser tests drive Debian's Chromium: a test tool's own browser download cannot work here. */
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${path}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log('Installing Chromium from Debian packages (apt-get)...');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

ensureNodeModules();
ensureChromium();
runTs('scripts/runTests.ts', process.argv.slice(2));
