import { resolve } from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH, PAYLOAD_CONVERTER_PATH } from '@sagsflow/temporal';

/** Entry point of all workflow code, from source (ts) or from the build (dist, js) alike. */
export const WORKFLOWS_PATH = resolve(__dirname, '../../../workflows');

const LIBS = resolve(__dirname, '../../../libs');

/** Interceptors of every workflow: refused (unauthentic) arguments never reach workflow code. */
const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../../../workflows/shared/refused-payloads')];

/**
 * Workflows may import only pure code: the domain rules and the workflow-safe Temporal definitions.
 * These two aliases are the whole list, so anything else a workflow imports from our libs fails to
 * bundle.
 */
export const workflowBundlerOptions: Pick<
  BundleOptions,
  'webpackConfigHook' | 'failureConverterPath' | 'payloadConverterPath' | 'workflowInterceptorModules' | 'preloadModules'
> = {
  failureConverterPath: FAILURE_CONVERTER_PATH,
  payloadConverterPath: PAYLOAD_CONVERTER_PATH,
  workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
  // Loaded once and shared (frozen) by every workflow in the worker's V8 context, instead of once per
  // workflow: both are pure (rules, tables and message definitions; their only module state is
  // memoised results of pure functions), so sharing cannot leak one workflow's state into another.
  preloadModules: ['@sagsflow/domain', '@sagsflow/temporal/shared'],
  webpackConfigHook: (config) => {
    config.resolve = config.resolve ?? {};
    config.resolve.alias = {
      ...(config.resolve.alias as Record<string, string>),
      '@sagsflow/domain$': resolve(LIBS, 'domain/src'),
      '@sagsflow/temporal/shared$': resolve(LIBS, 'temporal/src/shared'),
    };
    return config;
  },
};

/**
 * A worker that bundles the workflows from source builds what tools/bundle-workflows.ts prebuilds,
 * but takes the interceptors from its own options (and the converters from its data converter,
 * which must be the product's, with or without the codec), not from the bundler options.
 */
export const workflowsFromSource = {
  workflowsPath: WORKFLOWS_PATH,
  bundlerOptions: workflowBundlerOptions,
  interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
} satisfies Partial<WorkerOptions>;
