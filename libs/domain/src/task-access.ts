import type { Agency } from './agency';
import { isTaskKind, TASK_KINDS } from './task-kind';

/** The person acting, as far as access rules care. */
export interface Actor {
  username: string;
  agency: Agency;
  team: string;
  role: string;
}

/** The task being acted on, as far as access rules care. */
export interface TaskAccessView {
  kind?: string;
  agency: Agency;
  assignee: string | null;
  escalateTo: string | null;
  status: string;
}

/** A lead of the task's team (the one it escalates to) or a lead in its agency. */
export function isLeadFor(actor: Actor, task: TaskAccessView): boolean {
  return actor.username === task.escalateTo || (actor.role === 'lead' && actor.agency === task.agency);
}

/** The task's own agency and any agency its kind lets do the work too (the authority triages as reception does). */
function agenciesFor(task: TaskAccessView): readonly Agency[] {
  const also = task.kind && isTaskKind(task.kind) ? ((TASK_KINDS[task.kind] as { alsoBy?: readonly Agency[] }).alsoBy ?? []) : [];
  return [task.agency, ...also];
}

/** Anyone in an agency that may do the work sees the task, and so does the lead it escalates to. */
export function canSeeTask(actor: Actor, task: TaskAccessView): boolean {
  return agenciesFor(task).includes(actor.agency) || actor.username === task.escalateTo;
}

/**
 * Who may complete (or comment on) a task: its assignee; anyone in an agency that may do the work
 * while it is unassigned; and a lead for it.
 */
export function canWorkOnTask(actor: Actor, task: TaskAccessView): boolean {
  if (isLeadFor(actor, task)) return true;
  if (!agenciesFor(task).includes(actor.agency)) return false;
  return task.assignee === null || task.assignee === actor.username;
}
