import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findOnPath, isExecutable, toolCacheDir } from './executables';

/**
 * The Temporal CLI version we build from the Go module proxy. v1.5.1 bundles server 1.29.1 and the
 * Web UI; v1.6.0+ carry a `replace` directive in go.mod, which `go install` refuses.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export type TemporalCliSource =
  | { kind: 'path'; path: string; origin: 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'go install' }
  | { kind: 'sdk-download' };

export function cachedTemporalCliPath(): string {
  return toolCacheDir('temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

/**
 * Resolves the Temporal CLI in the documented order:
 * $TEMPORAL_CLI_PATH → `temporal` on PATH → our cached build → `go install` (when Go is present) →
 * the SDK's own download (which needs temporal.download to be reachable).
 */
export function resolveTemporalCli(log: (message: string) => void = () => undefined): TemporalCliSource {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} is not an executable file`);
    return { kind: 'path', path: fromEnv, origin: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = findOnPath('temporal');
  if (onPath) return { kind: 'path', path: onPath, origin: 'PATH' };

  const cached = cachedTemporalCliPath();
  if (isExecutable(cached)) return { kind: 'path', path: cached, origin: 'cache' };

  const go = findOnPath('go');
  if (go) {
    log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go (first run only; takes a few minutes)…`);
    // Build into a private folder and rename, so two concurrent first runs cannot see a half-written binary.
    const parent = toolCacheDir('temporal-cli');
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, '.build-'));
    const result = spawnSync(go, ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: staging, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status === 0 && existsSync(join(staging, 'temporal'))) {
      mkdirSync(join(parent, TEMPORAL_CLI_VERSION), { recursive: true });
      if (!isExecutable(cached)) renameSync(join(staging, 'temporal'), cached);
      rmSync(staging, { recursive: true, force: true });
      log(`Temporal CLI cached at ${cached}`);
      return { kind: 'path', path: cached, origin: 'go install' };
    }
    rmSync(staging, { recursive: true, force: true });
    log('go install of the Temporal CLI failed; falling back to the SDK download');
  }
  return { kind: 'sdk-download' };
}
