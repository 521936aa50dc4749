import type { Agency } from './agency';
import { isTaskKind, TASK_KINDS, type TaskKindSpec } from './task-kind';

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

/** The kind's spec as the general shape (the table's literal types differ per kind). */
function specOf(kind: string | undefined): TaskKindSpec | undefined {
  return kind && isTaskKind(kind) ? TASK_KINDS[kind] : undefined;
}

/** The task's own agency and any agency its kind lets do the work too (the authority triages as reception does). */
function agenciesFor(task: TaskAccessView): readonly Agency[] {
  return [task.agency, ...(specOf(task.kind)?.alsoBy ?? [])];
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

/** Whether only someone new to the case may complete the task (a re-assessment, BL §137 stk. 1). */
export function needsFreshEyes(task: Pick<TaskAccessView, 'kind'>): boolean {
  return specOf(task.kind)?.freshEyes === true;
}

/**
 * Fresh eyes (BL §137 stk. 1): a re-assessment is completed by someone who has not handled the
 * case before. `handlers` are the case's responsible caseworker and everyone who was assigned or
 * completed any other task on it; a lead is no exception.
 */
export function hasFreshEyes(actor: Pick<Actor, 'username'>, task: Pick<TaskAccessView, 'kind'>, handlers: readonly string[]): boolean {
  return !needsFreshEyes(task) || !handlers.includes(actor.username);
}
