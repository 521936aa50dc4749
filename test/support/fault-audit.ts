import { temporal } from '@temporalio/proto';
import { alertSubject } from '../../libs/casework/src/alerts/alert-text';
import type { AlertEntity } from '@sagsflow/persistence';
import type { Intake, SteadyLoad } from './fault-load';
import type { FaultStack } from './fault-stack';
import { readMail } from './mail';

const Status = temporal.api.enums.v1.WorkflowExecutionStatus;

/** What a comparison found: each entry names the thing, e.g. `triage task of notification-…`. */
export interface Audit {
  /** Owed by an accepted intake or a completion and not there (yet). */
  lost: string[];
  /** There more than once, or there without the thing it belongs to. */
  duplicated: string[];
  /** E-mails delivered again under the Message-ID they had (the relay died between sending and marking). */
  resent: number;
}

interface Row {
  [column: string]: string;
}

/**
 * Compares what the load was told (201s and completions) with the read model, the Temporal
 * histories and the inboxes (the API's and the mail sink's). Every accepted notification owes: its
 * row and its case; its case workflow running and its notification workflow running, or completed
 * once a citizen's notification is triaged; its triage task, open or completed as the load left it,
 * with the team's alerts; a professional's receipt letter and task, and after the triage the
 * feedback letter and task and the `triage.decided` event; one e-mail per alert; and the reception
 * inbox showing exactly the open tasks. Nothing may be there twice, nor a workflow without its row.
 */
export async function audit(stack: FaultStack, load: SteadyLoad): Promise<Audit> {
  const lost: string[] = [];
  const duplicated: string[] = [];
  const rows = async (sql: string) => (await stack.db.query<Row>(sql)).rows;
  const [notifications, cases, tasks, letters, events, alerts] = await Promise.all([
    rows(`SELECT id, case_id, workflow_id, coalesce(created_by || '/' || idempotency_key, id::text) AS request FROM notifications`),
    rows(`SELECT id, case_number, child_id, status FROM cases`),
    rows(`SELECT id, workflow_id, kind, status FROM tasks`),
    rows(`SELECT notification_id, kind FROM letters`),
    rows(`SELECT case_id, type, data::text AS data FROM case_events`),
    rows(`SELECT a.task_id, a.username, a.type, a.data::text AS data, u.email FROM alerts a LEFT JOIN users u ON u.username = a.username AND u.active`),
  ]);
  const [notificationRuns, caseRuns] = await Promise.all([runs(stack, 'notification'), runs(stack, 'case')]);

  const count = <T>(items: T[], key: (item: T) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
  };
  const twice = (what: string, counts: Map<string, number>) => {
    for (const [key, n] of counts) if (n > 1) duplicated.push(`${what} ${key} (${n} times)`);
  };
  twice('notification for request', count(notifications, (n) => n.request));
  twice('open case of child', count(cases.filter((c) => c.status === 'open'), (c) => c.child_id));
  twice('task', count(tasks, (t) => `${t.kind} of ${t.workflow_id}`));
  twice('letter', count(letters, (l) => `${l.kind} of notification ${l.notification_id}`));
  twice('case event', count(events, (e) => `${e.type} ${e.data} of case ${e.case_id}`));
  twice('alert', count(alerts.filter((a) => a.task_id), (a) => `${a.type} to ${a.username} of task ${a.task_id}`));
  twice('workflow run', count(notificationRuns, (r) => r.workflowId));
  twice('running workflow', count(caseRuns.filter((r) => r.status === Status.WORKFLOW_EXECUTION_STATUS_RUNNING), (r) => r.workflowId));

  const notificationIds = new Set(notifications.map((n) => n.workflow_id));
  const caseIds = new Set(cases.map((c) => `case-${c.case_number}`));
  for (const run of notificationRuns) if (!notificationIds.has(run.workflowId)) duplicated.push(`workflow ${run.workflowId} without its notification`);
  for (const run of caseRuns) if (!caseIds.has(run.workflowId)) duplicated.push(`workflow ${run.workflowId} without its case`);

  // What each accepted intake owes.
  const byId = new Map(notifications.map((n) => [n.id, n]));
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const taskOf = new Map(tasks.map((t) => [`${t.kind} of ${t.workflow_id}`, t]));
  const letterOf = new Set(letters.map((l) => `${l.kind} of ${l.notification_id}`));
  const eventOf = new Set(events.map((e) => `${e.type} of ${e.case_id}`));
  const alertOf = new Set(alerts.map((a) => `${a.type} to ${a.username} of ${a.task_id}`));
  const runOf = new Map(notificationRuns.map((r) => [r.workflowId, r.status]));
  const caseRunning = new Set(caseRuns.filter((r) => r.status === Status.WORKFLOW_EXECUTION_STATUS_RUNNING).map((r) => r.workflowId));
  const owe = (present: boolean, what: string) => present || lost.push(what);
  const oweTask = (kind: string, intake: Intake, status: string) => {
    const task = taskOf.get(`${kind} of ${intake.answer!.workflowId}`);
    if (!owe(task?.status === status, `${status} ${kind} task of ${intake.answer!.workflowId}`) || !task) return;
    for (const username of ['reception1', 'reception2']) owe(alertOf.has(`task.assigned to ${username} of ${task.id}`), `alert to ${username} of ${kind} task ${task.id}`);
  };
  for (const intake of load.intakes.filter((i) => !i.answer)) lost.push(`intake ${intake.key}, never accepted`);
  let openInbox = 0;
  // Intakes sent again with one Idempotency-Key owe one notification between them.
  for (const intake of new Map(load.accepted.map((i) => [i.answer!.id, i])).values()) {
    if (intake.complete && !intake.completed) lost.push(`completion of the triage of ${intake.answer!.workflowId}, never answered 200`);
    const { id, caseId, workflowId } = intake.answer!;
    if (!owe(byId.get(id)?.case_id === caseId, `notification ${id}`)) continue;
    const openCase = caseById.get(caseId);
    owe(openCase !== undefined && caseRunning.has(`case-${openCase.case_number}`), `running case workflow of case ${caseId}`);
    const ended = intake.completed && !intake.professional;
    const expected = ended ? Status.WORKFLOW_EXECUTION_STATUS_COMPLETED : Status.WORKFLOW_EXECUTION_STATUS_RUNNING;
    owe(runOf.get(workflowId) === expected, `${ended ? 'completed' : 'running'} workflow ${workflowId}`);
    oweTask('triage', intake, intake.completed ? 'completed' : 'open');
    openInbox += intake.completed ? 0 : 1;
    if (intake.completed) owe(eventOf.has(`triage.decided of ${caseId}`), `triage.decided event of case ${caseId}`);
    if (intake.professional) {
      owe(letterOf.has(`receipt of ${id}`), `receipt letter of notification ${id}`);
      oweTask('send-receipt', intake, 'open');
      openInbox += 1;
      if (intake.completed) {
        owe(letterOf.has(`feedback of ${id}`), `feedback letter of notification ${id}`);
        oweTask('send-feedback', intake, 'open');
        openInbox += 1;
      }
    }
  }

  // The mail inboxes: every alert e-mailed to its user under one Message-ID, and nothing else. The
  // relay is at least once: a send repeated after a crash keeps its Message-ID, and counts as resent.
  const mailKey = (to: string, subject: string, taskId: string) => `"${subject}" to ${to} for task ${taskId}`;
  const messages = new Map<string, string>();
  for (const mail of stack.mail) {
    const { subject, messageId, text } = readMail(mail);
    messages.set(messageId, mailKey(mail.to[0], subject, /\/tasks\/([0-9a-f-]{36})/.exec(text)?.[1] ?? ''));
  }
  const mails = count([...messages.values()], (key) => key);
  twice('e-mail', mails);
  const owed = new Set<string>();
  for (const alert of alerts.filter((a) => a.email && a.task_id)) {
    const key = mailKey(alert.email, alertSubject({ type: alert.type as AlertEntity['type'], data: JSON.parse(alert.data) }), alert.task_id);
    owed.add(key);
    owe(mails.has(key), `e-mail ${key}`);
  }
  for (const key of mails.keys()) if (!owed.has(key)) duplicated.push(`e-mail ${key} without its alert`);

  // The reception team's inbox, as the API shows it.
  const inbox = await fetch(stack.url('/api/tasks?scope=team&status=open'), { headers: { authorization: `Bearer ${load.tokens.reception2}` } });
  const shown = Number(inbox.headers.get('x-total-count'));
  if (shown < openInbox) lost.push(`${openInbox - shown} open task(s) missing from the reception inbox (${shown} of ${openInbox})`);
  if (shown > openInbox) duplicated.push(`${shown - openInbox} task(s) too many in the reception inbox (${shown}, expected ${openInbox})`);
  return { lost, duplicated, resent: stack.mail.length - messages.size };
}

/** Every run of the process kind's workflows in Temporal's visibility store, closed ones included. */
async function runs(stack: FaultStack, kind: string): Promise<{ workflowId: string; status: number }[]> {
  const found: { workflowId: string; status: number }[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await stack.temporal.workflowService.listWorkflowExecutions({
      namespace: stack.namespace,
      query: `ProcessKind = "${kind}"`,
      pageSize: 1000,
      nextPageToken,
    });
    for (const e of page.executions ?? []) found.push({ workflowId: e.execution!.workflowId!, status: e.status ?? 0 });
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return found;
}

export interface CatchUp {
  /** When the broken server came back: the catching up is counted from here. */
  since: number;
  /** What else the scenario is owed (timers that must have fired, say), named like `lost`. */
  owed?: () => Promise<string[]>;
  /** What may still be missing (e-mail while the SMTP server is still down). */
  except?: RegExp;
  timeoutMs?: number;
}

/**
 * Compares until nothing is lost any more (what was owed has arrived); resolves with that
 * comparison and how many seconds after `since` everything had caught up.
 */
export async function untilCaughtUp(
  stack: FaultStack,
  load: SteadyLoad,
  { since, owed = async () => [], except, timeoutMs = 90_000 }: CatchUp,
): Promise<Audit & { seconds: number }> {
  const started = Date.now();
  let last: Audit | undefined;
  while (Date.now() - started < timeoutMs) {
    // A server may still be coming back: then there is no comparison yet.
    last = await Promise.all([audit(stack, load), owed()]).then(
      ([found, more]) => ({ ...found, lost: [...found.lost, ...more].filter((item) => !except?.test(item)) }),
      () => undefined,
    );
    if (last && last.lost.length === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const seconds = (Date.now() - since) / 1000;
  return { ...(last ?? { lost: ['no comparison could be made'], duplicated: [], resent: 0 }), seconds };
}

/** The scenario's figures, one line, e.g. `[faults] worker kill -9: 200 cases in flight, 0 lost, 0 duplicated, caught up in 8.1 s`. */
export function report(scenario: string, facts: string[], result: Audit & { seconds: number }): void {
  console.log(
    `[faults] ${scenario}: ${[...facts, `${result.lost.length} lost`, `${result.duplicated.length} duplicated`, `${result.resent} e-mails resent under their Message-ID`, `caught up in ${result.seconds.toFixed(1)} s`].join(', ')}`,
  );
}
