import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveChromium } from '../../tools/stack/chromium';
import { freePort } from '../../tools/stack/ports';
import { startEmbeddedPostgres } from '../../tools/stack/postgres';
import { startTemporalDevServer } from '../../tools/stack/temporal-dev-server';
import { STACK_ENV, type RunningStack } from './stack-env';
import timeSkippingSetup from './time-skipping-setup';

/**
 * One real Temporal dev server and one real PostgreSQL per test run, on free ports, and the
 * workflows bundled once (./time-skipping-setup.ts). Suites isolate themselves with their own
 * database and namespace (see ./stack.ts).
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-test-'));
  chmodSync(dir, 0o755); // the embedded postgres runs as the `postgres` user when we are root
  // One after the other, each port taken just before its server starts: the dev server takes ports
  // of its own as it comes up, and once took the one chosen for PostgreSQL beside it.
  const temporal = await startTemporalDevServer({
    dbFilename: join(dir, 'temporal.db'),
    // Long-lived workflows must continue as new when asked; ask early so tests see it happen.
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 30 },
    log: (message) => console.log(`[stack] ${message}`),
  });
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort() });
  await timeSkippingSetup();
  provideChromium();
  process.env[STACK_ENV.temporalAddress] = temporal.address;
  process.env[STACK_ENV.postgresAdminUrl] = postgres.urlFor('postgres');
  process.env[STACK_ENV.temporalDbFile] = join(dir, 'temporal.db');
  (globalThis as { __stack?: RunningStack }).__stack = { dir, temporal, postgres };
}

/**
 * The browser tests render in Chromium: find or install it once here, where no test timeout runs,
 * and hand it on as CHROMIUM_PATH. Without one, those tests fail with the reason when they ask again.
 */
function provideChromium(): void {
  try {
    const { path, origin } = resolveChromium((message) => console.log(`[stack] ${message}`));
    console.log(`[stack] Chromium for the browser tests: ${path} (from ${origin})`);
    process.env.CHROMIUM_PATH = path;
  } catch (error) {
    console.log(`[stack] ${(error as Error).message}`);
  }
}
