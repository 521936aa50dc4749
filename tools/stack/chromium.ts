import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findOnPath, isExecutable } from './executables';

export type ChromiumOrigin = 'CHROMIUM_PATH' | 'PATH' | 'apt-get' | 'playwright';

/** Flags for a headless Chromium that reaches nothing but the pages a test opens. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Finds a Chromium for browser tests, installing one when there is none, in this order:
 * $CHROMIUM_PATH → `chromium` or `chromium-browser` on PATH → Debian's `chromium` through apt-get
 * (as root) → Playwright's own download (which needs its download host to be reachable). Throws,
 * naming every way it tried, when none gives a browser: a browser test must fail, not skip.
 */
export function resolveChromium(log: (message: string) => void = () => undefined): { path: string; origin: ChromiumOrigin } {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
    return { path: fromEnv, origin: 'CHROMIUM_PATH' };
  }
  const onPath = findOnPath('chromium') ?? findOnPath('chromium-browser');
  if (onPath) return { path: onPath, origin: 'PATH' };

  const tried = ['$CHROMIUM_PATH is not set', 'no chromium or chromium-browser on PATH'];
  const aptGet = findOnPath('apt-get');
  if (aptGet && process.getuid?.() === 0) {
    log('Installing Chromium with apt-get (first run only)…');
    const apt = (...args: string[]) =>
      spawnSync(aptGet, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const update = apt('update', '-qq');
    const result = update.status === 0 ? apt('install', '-y', '-qq', 'chromium') : update;
    const installed = findOnPath('chromium');
    if (result.status === 0 && installed) return { path: installed, origin: 'apt-get' };
    tried.push(`apt-get install chromium failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  } else {
    tried.push(aptGet ? 'not root, so no apt-get install' : 'no apt-get');
  }

  if (!existsSync(chromium.executablePath())) {
    log("Downloading Playwright's Chromium (first run only)…");
    const cli = join(require.resolve('playwright-core/package.json'), '..', 'cli.js');
    const result = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) tried.push(`Playwright's download failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  }
  if (existsSync(chromium.executablePath())) return { path: chromium.executablePath(), origin: 'playwright' };
  throw new Error(`No Chromium for the browser tests (${tried.join('; ')}). Install chromium, or set CHROMIUM_PATH to a Chromium or Chrome executable.`);
}
