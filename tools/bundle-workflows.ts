import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../apps/worker/src/workflow-bundle';

/** Prebuilds the workflow bundle at build time so workers start fast (the worker reads TEMPORAL_WORKFLOW_BUNDLE). */
export const WORKFLOW_BUNDLE_PATH = resolve(__dirname, '../workflow-bundle.js');

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions });
  writeFileSync(WORKFLOW_BUNDLE_PATH, code);
  console.log(`Workflow bundle written to ${WORKFLOW_BUNDLE_PATH} (${Math.round(code.length / 1024)} KiB)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
