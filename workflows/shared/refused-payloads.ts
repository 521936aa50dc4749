import {
  ApplicationFailure,
  log,
  type Next,
  type SignalInput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import { isRefused, REFUSED_FAILURE_TYPE } from '@sagsflow/temporal/shared';

/**
 * Nothing forged reaches a workflow's code. The codec refuses every payload that the API or the
 * worker did not write (not encrypted, or failing authentication), and the payload converter turns
 * it into a RefusedPayload; this interceptor, registered for every workflow in the bundle
 * (apps/worker/src/workflow-bundle.ts), keeps such arguments out:
 *
 * - a signal is dropped with a warning. Failing instead would fail every workflow task for good,
 *   since the signal stays in the history; dropping it is deterministic on replay as well.
 * - an Update is rejected in `validateUpdate`, before it is accepted, so nothing of it is recorded.
 *   The SDK runs validation interceptors only for handlers that have a validator, so every Update
 *   handler in workflows/ has one (`validatedOnlyForRefusals` where it checks nothing itself; a
 *   lint rule holds to it). The converter does not throw instead: it cannot tell an Update's
 *   arguments from a signal's, and a signal's that throws fails the workflow task.
 * - a workflow started with refused input fails before any of its code runs.
 *
 * Queries are left alone: they change nothing, and their answers are encrypted.
 */
class RefuseForgedArguments implements WorkflowInboundCallsInterceptor {
  async execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const refused = input.args.find(isRefused);
    if (refused) throw ApplicationFailure.create({ type: REFUSED_FAILURE_TYPE, message: `The workflow's input was refused: ${refused.reason}`, nonRetryable: true });
    return next(input);
  }

  async handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    const refused = input.args.find(isRefused);
    if (!refused) return next(input);
    log.warn('A signal with a refused payload was dropped', { signal: input.signalName, reason: refused.reason });
  }

  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    const refused = input.args.find(isRefused);
    if (refused) throw ApplicationFailure.create({ type: REFUSED_FAILURE_TYPE, message: `Update ${input.name} was refused: ${refused.reason}`, nonRetryable: true });
    next(input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new RefuseForgedArguments()] });

/** The validator of an Update whose handler has nothing to check before accepting: it lets the refusal above run. */
export const validatedOnlyForRefusals = { validator: (..._args: unknown[]): void => undefined };
