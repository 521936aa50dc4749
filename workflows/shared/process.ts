import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  ContinueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Agency, ProcessKind } from '@sagsflow/domain';
import { caseOwnerChangedSignal, processEndedSignal, type ProcessEnd, SearchAttributeKeys } from '@sagsflow/temporal/shared';
import { activities } from './activities';
import type { HumanTasks } from './human-tasks';
import type { ProcessPosition } from './process-position';

export interface ProcessContext {
  kind: ProcessKind;
  caseId: string;
  caseWorkflowId: string;
  tasks: HumanTasks;
  position: ProcessPosition;
  /** The agency owning the case now: its lead is alerted when the process cannot proceed. */
  owner: () => Agency;
  /** The step the process is in, for the timeline and the alert. */
  step: () => string;
}

/**
 * Runs a process of a case so that it never ends silently: whether it completes, fails or is
 * cancelled, the case workflow is told, and a failed or cancelled one closes its open tasks
 * (`cancelled`, gone from inboxes) and leaves a timeline entry. A failure that retrying cannot heal
 * (a non-retryable activity error) also sets `Stuck` and alerts the case's lead and every
 * administrator before the workflow fails.
 */
export async function runProcess<T>(context: ProcessContext, body: () => Promise<T>): Promise<T> {
  const { workflowId } = workflowInfo();
  const tell = (outcome: ProcessEnd) =>
    getExternalWorkflowHandle(context.caseWorkflowId)
      .signal(processEndedSignal, { workflowId, kind: context.kind, outcome })
      .catch(() => undefined); // a closed case has no one to tell
  let result: T;
  try {
    result = await body();
  } catch (error) {
    if (error instanceof ContinueAsNew) throw error; // the same process runs on in a new run
    const outcome: ProcessEnd = isCancellation(error) ? 'cancelled' : 'failed';
    await CancellationScope.nonCancellable(async () => {
      const step = context.step();
      await context.tasks.cancel(`process ${outcome}`);
      await context.position.finish(outcome);
      if (outcome === 'failed') {
        upsertSearchAttributes([{ key: SearchAttributeKeys.stuck, value: true }]);
        await activities().alertLeads({
          key: `${workflowId}/stuck`,
          type: 'process.stuck',
          agencies: [context.owner()],
          admins: true,
          caseId: context.caseId,
          data: { process: context.kind, step, errorType: failureType(error) },
        });
      }
      await activities().recordCaseEvent({
        key: `${workflowId}/process.${outcome}`,
        caseId: context.caseId,
        type: `process.${outcome}`,
        actor: 'system',
        at: new Date().toISOString(),
        data: { process: context.kind, step, workflowId },
      });
      await tell(outcome);
    });
    throw error;
  }
  await tell('completed');
  return result;
}

/**
 * Whether a long-lived workflow's history is long enough to continue as new: the server suggests it,
 * or a test's lower threshold (`continueAsNewAfterEvents`) is reached.
 */
export function historyIsLong(continueAsNewAfterEvents: number | undefined): boolean {
  const { continueAsNewSuggested, historyLength } = workflowInfo();
  return continueAsNewSuggested || (continueAsNewAfterEvents !== undefined && historyLength >= continueAsNewAfterEvents);
}

/** The failure's type name, for operators (never its message, which may quote data). */
export function failureType(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return cause.type ?? 'ApplicationFailure';
  return cause instanceof Error ? cause.name : 'unknown';
}

/**
 * The case's owner as the case workflow tells its running processes (`caseOwnerChanged`), shown in
 * the process's own `OwnerAgency` too; `initial` until it first tells.
 */
export function followCaseOwner(initial: Agency): () => Agency {
  let owner = initial;
  setHandler(caseOwnerChangedSignal, ({ agency }) => {
    owner = agency;
    upsertSearchAttributes([{ key: SearchAttributeKeys.ownerAgency, value: agency }]);
  });
  return () => owner;
}

/** Records entries on the case's timeline, each once: its key is the workflow's id and `key`. */
export function caseTimeline(caseId: string) {
  const { workflowId } = workflowInfo();
  return (key: string, type: string, actor: string, data: Record<string, string> = {}) =>
    activities().recordCaseEvent({ key: `${workflowId}/${key}`, caseId, type, actor, at: new Date().toISOString(), data });
}
