import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// v1.5.1 is the newest CLI whose go.mod has no replace directive, so `go install pkg@version` accepts it.
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

const projectBin = path.resolve('.tools/bin/temporal');
const cacheDir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'orquestra', `temporal-${TEMPORAL_CLI_VERSION}`);

function goBinary(): string {
  for (const candidate of [process.env.GO, '/usr/local/go/bin/go', 'go']) {
    if (candidate && (candidate === 'go' || existsSync(candidate))) return candidate;
  }
  return 'go';
}

/**
 * The Temporal CLI (dev server + UI) is built from the Go module proxy: it is the one source of it
 * this machine reaches. Built once into a per-user cache (several minutes), then linked into .tools/.
 */
export async function ensureTemporalCli(log: (line: string) => void = console.log): Promise<string> {
  if (process.env.TEMPORAL_CLI_PATH) return process.env.TEMPORAL_CLI_PATH;
  if (existsSync(projectBin)) return projectBin;
  const cached = path.join(cacheDir, 'temporal');
  if (!existsSync(cached)) {
    log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} from the Go module proxy (first run only, several minutes)...`);
    mkdirSync(cacheDir, { recursive: true });
    await run(goBinary(), ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: cacheDir, GOTOOLCHAIN: 'local', PATH: `/usr/local/go/bin:${process.env.PATH ?? ''}` },
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  mkdirSync(path.dirname(projectBin), { recursive: true });
  rmSync(projectBin, { force: true });
  symlinkSync(cached, projectBin);
  return projectBin;
}
