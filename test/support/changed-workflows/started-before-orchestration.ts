import { continueAsNew } from '@temporalio/workflow';
import type { CaseWorkflowInput } from '@sagsflow/temporal/shared';
import { caseWorkflowBeforeOrchestration } from '../../../workflows/case/case-before-orchestration';
import { caseWorkflow as current } from '../../../workflows/case/case.workflow';

/**
 * A case workflow as one started before the case workflow orchestrated: its first run is the
 * earlier version (a new run can no longer start there, since `patched()` is true for it), and it
 * continues as new into today's.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  if (input.state) return current(input);
  await continueAsNew<typeof caseWorkflow>(await caseWorkflowBeforeOrchestration(input));
}
