import type { Agency } from './agency';

/** The person acting, as far as access rules care. */
export interface Actor {
  username: string;
  agency: Agency;
  team: string;
  role: string;
}

/** The task being acted on, as far as access rules care. */
export interface TaskAccessView {
  agency: Agency;
  assignee: string | null;
  escalateTo: string | null;
  status: string;
}

/** A lead of the task's team (the one it escalates to) or a lead in its agency. */
export function isLeadFor(actor: Actor, task: TaskAccessView): boolean {
  return actor.username === task.escalateTo || (actor.role === 'lead' && actor.agency === task.agency);
}

/** Anyone in the task's agency sees it, and so does the lead it escalates to. */
export function canSeeTask(actor: Actor, task: TaskAccessView): boolean {
  return actor.agency === task.agency || actor.username === task.escalateTo;
}

/**
 * Who may complete (or comment on) a task: its assignee; anyone in its agency while it is
 * unassigned; and a lead for it.
 */
export function canWorkOnTask(actor: Actor, task: TaskAccessView): boolean {
  if (isLeadFor(actor, task)) return true;
  if (actor.agency !== task.agency) return false;
  return task.assignee === null || task.assignee === actor.username;
}
