import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { conformanceProblems, POLICIES, type PolicyName, PROCESS_MAPS, type ProcessKind } from '@sagsflow/domain';
import {
  completeTaskUpdate,
  type CreateTaskInput,
  type MeasureWorkflowInput,
  processStartedSignal,
  type RecordProcessPositionInput,
  SearchAttributeKeys,
  type TaskCompletion,
} from '@sagsflow/temporal/shared';
import { unencryptedDataConverter } from '@sagsflow/temporal';
import { workflowSource } from './workflow-bundle';

/** One activity call a workflow made: which, when (server time) and with what. */
export interface ActivityCall {
  name: string;
  at: number;
  arg: unknown;
}

type Fake = (arg: unknown) => unknown;

/**
 * The workflows' activities, faked: each records its call and returns what a real one would. A
 * test replaces any of them (e.g. one that fails) through `overrides`. This is the workflows' unit
 * test; the same flows against the real read model are in test/integration.
 */
export function recordingActivities(env: TestWorkflowEnvironment, calls: ActivityCall[], overrides: Record<string, Fake> = {}) {
  const record =
    (name: string, result?: (arg: unknown) => unknown) =>
    async (arg: unknown): Promise<unknown> => {
      calls.push({ name, at: await env.currentTimeMs(), arg });
      const override = overrides[name];
      return override ? override(arg) : result?.(arg);
    };
  return {
    createTask: record('createTask', (input) => ({ id: (input as CreateTaskInput).id })),
    remindTask: record('remindTask'),
    escalateTask: record('escalateTask'),
    recordTaskCompletion: record('recordTaskCompletion'),
    cancelTasks: record('cancelTasks'),
    recordCaseEvent: record('recordCaseEvent'),
    recordTriageDecision: record('recordTriageDecision'),
    draftLetter: record('draftLetter', () => ({ id: 'letter-1' })),
    markLetterSent: record('markLetterSent'),
    assignCaseworker: record('assignCaseworker', () => ({ username: 'caseworker2', atCap: false })),
    assignCoordinator: record('assignCoordinator', () => ({ username: 'caseworker1', agency: 'AUTHORITY', atCap: false })),
    coordinatorCandidate: record('coordinatorCandidate', (input) => ({ agency: (input as { username: string }).username.startsWith('jobcenter') ? 'JOBCENTER_UNG' : 'AUTHORITY' })),
    setCaseOwner: record('setCaseOwner'),
    setPendingHandover: record('setPendingHandover'),
    setTovholder: record('setTovholder'),
    recordMeasure: record('recordMeasure'),
    recordProcessPosition: record('recordProcessPosition'),
    pickFreshCaseworker: record('pickFreshCaseworker', () => ({ username: 'caseworker3' })),
    alertLeads: record('alertLeads'),
    alertUser: record('alertUser'),
    openInvestigation: record('openInvestigation', () => opened('investigation')),
    recordInvestigation: record('recordInvestigation'),
    openMeasure: record('openMeasure', () => opened('measure')),
    recordMeasureProgress: record('recordMeasureProgress'),
    closeCaseIfIdle: record('closeCaseIfIdle', () => ({ closed: true })),
  };
}

/** What opening a process answers: a new one, with its workflow id. */
function opened(kind: 'investigation' | 'measure') {
  const id = randomUUID();
  return { id, workflowId: `${kind}-${id}`, existing: false };
}

/**
 * A worker on its own task queue, running the real workflow bundle (the product's converters and
 * interceptors, without encryption; bundled once for the run) with faked activities. A test of a
 * changed workflow passes its `workflowsPath`.
 */
export async function fakeActivityWorker(env: TestWorkflowEnvironment, calls: ActivityCall[], overrides: Record<string, Fake> = {}, workflowsPath?: string) {
  const taskQueue = `workflow-test-${randomUUID()}`;
  const worker = await Worker.create({
    ...workflowSource(workflowsPath),
    dataConverter: unencryptedDataConverter,
    connection: env.nativeConnection,
    taskQueue,
    activities: recordingActivities(env, calls, overrides),
  });
  return { worker, taskQueue };
}

/**
 * A process (investigation, measure) started on a real case workflow that the authority owns, as
 * ProcessStarts starts one, with its activities faked (any of them replaced through `activities`);
 * `fn` runs while the worker does. Both
 * workflows are terminated after it: left running with no worker, they hold the skipping clock back
 * for the next test.
 */
export async function runProcessOnCase<Input extends { caseId: string; caseWorkflowId: string; policy: PolicyName }, T>(
  env: TestWorkflowEnvironment,
  calls: ActivityCall[],
  process: { workflowType: string; workflowId: string; kind: ProcessKind; input: Input; activities?: Record<string, Fake> },
  fn: (handle: WorkflowHandle, caseHandle: WorkflowHandle) => Promise<T>,
): Promise<T> {
  const { worker, taskQueue } = await fakeActivityWorker(env, calls, process.activities);
  const { caseId, caseWorkflowId, policy } = process.input;
  return worker.runUntil(async () => {
    const caseHandle = await env.client.workflow.start('caseWorkflow', {
      workflowId: caseWorkflowId,
      taskQueue,
      args: [
        {
          caseId,
          caseNumber: caseWorkflowId.replace(/^case-/, ''),
          municipality: 'demo',
          policy,
          state: { ownerAgency: 'AUTHORITY', notifications: [], openMeasures: [], reassessments: 0 },
        },
      ],
    });
    const handle = await env.client.workflow.start(process.workflowType, {
      workflowId: process.workflowId,
      taskQueue,
      args: [process.input],
      typedSearchAttributes: [{ key: SearchAttributeKeys.ownerAgency, value: 'AUTHORITY' }],
    });
    await caseHandle.signal(processStartedSignal, { workflowId: handle.workflowId, kind: process.kind });
    try {
      return await fn(handle, caseHandle);
    } finally {
      await Promise.all([handle, caseHandle].map((h) => h.terminate().catch(() => undefined)));
    }
  });
}

/** A preventive measure of a family treatment decided `now` on a new case, as ProcessStarts would start it. */
export function measureInput(now: Date, overrides: Partial<MeasureWorkflowInput> = {}): MeasureWorkflowInput {
  const policy = overrides.policy ?? 'legal';
  return {
    measureId: randomUUID(),
    caseId: randomUUID(),
    caseWorkflowId: `case-T-${randomUUID().slice(0, 8)}`,
    municipality: 'demo',
    type: 'family-treatment',
    goal: 'trygge rammer i hjemmet',
    startsOn: now.toISOString().slice(0, 10),
    decidedAt: now.toISOString(),
    decidedBy: 'caseworker1',
    childBornOn: '2018-05-01',
    ...overrides,
    policy,
    policyValues: overrides.policyValues ?? POLICIES[policy],
  };
}

/** Completes a task through its workflow's Update, as the API does. */
export function completeTask(handle: WorkflowHandle, taskId: string, outcome: Record<string, unknown>, actor: string): Promise<TaskCompletion> {
  return handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, outcome, actor }] });
}

/** What a workflow's Update validator refused with (an ApplicationFailure naming the field). */
export function refusalOf(error: unknown): unknown {
  return (error as WorkflowUpdateFailedError).cause;
}

/** Polls while the worker runs (activities and signals land asynchronously). */
export async function waitUntil(check: () => boolean, what = 'the condition'): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
}

/** Retries an async assertion until it passes (a query answered by a workflow that is still moving). */
export async function eventually(assertion: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await assertion();
    } catch (error) {
      if (i >= 200) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The calls of one activity, their arguments typed as the test expects. */
export function callsOf<T>(calls: ActivityCall[], name: string): T[] {
  return calls.filter((c) => c.name === name).map((c) => c.arg as T);
}

/**
 * With `RECORD_HISTORIES=<label>` (npm run record:histories), keeps the workflow's history as
 * `workflows/histories/<name>.<label>.json` for the replay test: one per process and main path,
 * recorded from the tests that walk them, with the workflow id. An existing file is never overwritten: histories of
 * earlier versions are what the replay test guards.
 */
export async function keepHistory(handle: WorkflowHandle, name: string): Promise<void> {
  const label = process.env.RECORD_HISTORIES;
  if (!label) return;
  const file = join(__dirname, '../../workflows/histories', `${name}.${label}.json`);
  // The workflow id goes along: replay needs it, and the history itself does not carry it.
  const history = JSON.parse(historyToJSON(await handle.fetchHistory())) as object;
  writeFileSync(file, JSON.stringify({ workflowId: handle.workflowId, ...history }), { flag: 'wx' });
}

/**
 * The conformance check every workflow test runs (afterEach): the steps each workflow entered, in
 * order, checked against its process's map. A workflow that drifts from its map fails its tests.
 */
export function conformanceProblemsOf(calls: ActivityCall[]): string[] {
  const byWorkflow = new Map<string, { kind: ProcessKind; entered: string[]; seen: Set<string> }>();
  for (const position of callsOf<RecordProcessPositionInput>(calls, 'recordProcessPosition')) {
    const recorded = byWorkflow.get(position.workflowId) ?? { kind: position.kind, entered: [], seen: new Set<string>() };
    byWorkflow.set(position.workflowId, recorded);
    // A local activity may run twice (time skipping): each recording counts once.
    const once = `${position.at}/${position.seq}`;
    if (!position.entered || recorded.seen.has(once)) continue;
    recorded.seen.add(once);
    recorded.entered.push(position.entered);
  }
  return [...byWorkflow.values()].flatMap(({ kind, entered }) => {
    const map = PROCESS_MAPS[kind];
    return map ? conformanceProblems(map, entered) : [`${kind}: no process map`];
  });
}
