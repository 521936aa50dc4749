import type { WorkerOptions } from '@temporalio/worker';
import { workflowsFromSource } from '../../apps/worker/src/workflow-bundle';
import { WORKFLOW_BUNDLE_ENV } from './stack-env';

/** The run's workflow bundle (made once by the global setup, ./time-skipping-setup.ts), for a suite's worker or replay. */
export function runBundlePath(): string {
  const codePath = process.env[WORKFLOW_BUNDLE_ENV];
  if (!codePath) throw new Error(`${WORKFLOW_BUNDLE_ENV} is not set: run this suite through jest's workflows, integration or browser project`);
  return codePath;
}

/**
 * Where a test worker takes its workflows from: the run's bundle, or for a test of a changed
 * workflow (test/support/changed-workflows) that code, bundled from source.
 */
export function workflowSource(workflowsPath?: string): Partial<WorkerOptions> {
  return workflowsPath ? { ...workflowsFromSource, workflowsPath } : { workflowBundle: { codePath: runBundlePath() } };
}
