import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { loadConfig, register } from 'tsconfig-paths';
import { resolveTimeSkippingServer } from '../../tools/stack/time-skipping-server';
import { TIME_SKIPPING_SERVER_ENV, WORKFLOW_BUNDLE_ENV } from './stack-env';

/**
 * For all workflow suites of a run: resolves (and on the first run builds) the time-skipping test
 * server, and bundles the workflows once (removed again by ./global-teardown.ts).
 */
export default async function setup(): Promise<void> {
  const executable = await resolveTimeSkippingServer((message) => console.log(`[time-skipping] ${message}`));
  process.env[TIME_SKIPPING_SERVER_ENV] = JSON.stringify(executable);
  (globalThis as { __removeWorkflowBundle?: () => void }).__removeWorkflowBundle = await provideWorkflowBundle();
}

/**
 * Bundles the workflows from source, as `npm run build` prebuilds them, into a file every worker
 * and replay of the run loads (bundling costs 2–3 s of CPU, once per worker before). Returns how
 * to remove it.
 */
async function provideWorkflowBundle(): Promise<() => void> {
  const started = Date.now();
  // Jest's moduleNameMapper does not reach a global setup: resolve our @sagsflow/* paths from the tsconfig.
  const tsconfig = loadConfig(resolve(__dirname, '../..'));
  if (tsconfig.resultType === 'failed') throw new Error(`tsconfig.json: ${tsconfig.message}`);
  const unregister = register({ baseUrl: tsconfig.absoluteBaseUrl, paths: tsconfig.paths });
  try {
    // Required here, after the paths are registered (an import would be hoisted above them).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { workflowBundlerOptions, WORKFLOWS_PATH } = require('../../apps/worker/src/workflow-bundle') as typeof import('../../apps/worker/src/workflow-bundle');
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions, logger: quietBundler });
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-bundle-'));
    writeFileSync(join(dir, 'workflow-bundle.js'), code);
    process.env[WORKFLOW_BUNDLE_ENV] = join(dir, 'workflow-bundle.js');
    console.log(`[workflows] bundled once for this run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return () => rmSync(dir, { recursive: true, force: true });
  } finally {
    unregister();
  }
}

const quietBundler = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
