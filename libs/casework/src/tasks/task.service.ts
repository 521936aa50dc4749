import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Actor, canSeeTask, canWorkOnTask, hasFreshEyes, isLeadFor, needsFreshEyes } from '@sagsflow/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AlertType, AuditRepository, InboxQuery, JsonObject, TaskEntity, TaskRepository, UserRepository } from '@sagsflow/persistence';
import type { CreatedTask, CreateTaskInput } from '@sagsflow/temporal/shared';
import { AlertService } from '../alerts/alert.service';
import { CaseService } from '../cases/case.service';

/** Tasks: created and completed by workflows (through activities), worked on by people (through the API). */
@Injectable()
export class TaskService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
    private readonly alerts: AlertService,
    private readonly cases: CaseService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /** Creates the task once per key and alerts whoever should pick it up. */
  async createForWorkflow(input: CreateTaskInput): Promise<CreatedTask> {
    const team = input.team ? await this.users.findTeam(input.team) : await this.users.defaultTeamOf(input.agency);
    if (!team) throw new Error(`No team for agency ${input.agency}${input.team ? ` named ${input.team}` : ''}`);
    const { task } = await this.tasks.createOnce({
      id: input.id,
      key: input.key,
      kind: input.kind,
      caseId: input.caseId,
      processKind: input.processKind,
      workflowId: input.workflowId,
      step: input.step,
      agency: input.agency,
      team: team.id,
      assignee: input.assignee ?? null,
      dueAt: new Date(input.dueAt),
      remindAt: input.remindAt ? new Date(input.remindAt) : null,
      escalateTo: team.leadUsername,
    });
    // Alerts are idempotent by key, so a retried activity finishes what the first try began.
    await this.alertResponsible(task, 'task.assigned', 'assigned');
    return { id: task.id };
  }

  /** Reminds the assignee (or the team, while unassigned) before the due time. */
  async remind(taskId: string): Promise<void> {
    const task = await this.openTask(taskId);
    if (!task) return;
    await this.tasks.addEventOnce(task.id, 'reminded');
    await this.alertResponsible(task, 'task.reminder', 'reminder');
  }

  /** Tells the lead that the task missed its due time. */
  async escalate(taskId: string): Promise<void> {
    const task = await this.openTask(taskId);
    if (!task) return;
    await this.tasks.addEventOnce(task.id, 'escalated', { to: task.escalateTo });
    if (!task.escalateTo) return;
    await this.alerts.send({
      key: `${task.key}/escalation`,
      username: task.escalateTo,
      type: 'task.escalated',
      taskId: task.id,
      caseId: task.caseId,
      data: { ...taskFacts(task), assignee: task.assignee },
    });
  }

  recordCompletion(taskId: string, outcome: JsonObject, by: string, at: Date): Promise<boolean> {
    return this.tasks.recordCompletion(taskId, outcome, by, at);
  }

  /** The completion the read model holds for the task, if it is completed. */
  async storedCompletion(taskId: string): Promise<{ actor: string; outcome: JsonObject; completedAt: Date } | undefined> {
    const task = await this.tasks.findById(taskId);
    if (task?.status !== 'completed' || !task.completedBy || !task.completedAt) return undefined;
    return { actor: task.completedBy, outcome: task.outcome ?? {}, completedAt: task.completedAt };
  }

  /** Takes tasks out of every inbox (their process ended or no longer needs them); idempotent. */
  async cancel(taskIds: readonly string[], reason: string): Promise<void> {
    await this.tasks.cancelOpen(taskIds, reason, new Date());
  }

  inbox(query: InboxQuery) {
    return this.tasks.inbox(query);
  }

  caseNumbers(caseIds: string[]): Promise<Map<string, string>> {
    return this.tasks.caseNumbers(caseIds);
  }

  /**
   * The task, if it exists (404), the actor's agency may see it (403), and may still see its case
   * (403): an agency that no longer owns a case nor has open work on it reads none of its tasks.
   */
  async visibleTask(actor: Actor, taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new NotFoundException(`Task ${taskId} not found`);
    if (!canSeeTask(actor, task)) throw new ForbiddenException(`Task ${taskId} belongs to ${task.agency}`);
    if (!(await this.tasks.caseSharedWith(task.caseId, actor.agency))) {
      throw new ForbiddenException(`Task ${taskId} belongs to case ${task.caseId}, which is not shared with ${actor.agency}`);
    }
    return task;
  }

  /**
   * The task as it is now, without the visibility check: for whoever just completed it, who may
   * see their own act even when it ended their agency's share of the case (a declined hand-over).
   */
  async justCompleted(taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new NotFoundException(`Task ${taskId} not found`);
    return task;
  }

  /** Whether the agency may see the case now (owner, open work, or an agency that sees every case). */
  caseSharedWith(caseId: string, agency: Actor['agency']): Promise<boolean> {
    return this.tasks.caseSharedWith(caseId, agency);
  }

  /** Checks that the actor may complete the task; the owning workflow decides the rest. */
  async taskToComplete(actor: Actor, taskId: string): Promise<TaskEntity> {
    const task = await this.visibleTask(actor, taskId);
    if (!canWorkOnTask(actor, task)) throw new ForbiddenException(`You may not complete task ${taskId}`);
    // A completed one goes on to its workflow, which may not have taken the stored completion yet.
    if (task.status === 'cancelled') throw new ConflictException(`Task ${taskId} is already ${task.status}`);
    const handlers = needsFreshEyes(task) ? await this.cases.handlers(task.caseId, task.id) : [];
    if (!hasFreshEyes(actor, task, handlers)) {
      throw new ForbiddenException(
        `BL §137 stk. 1 (fresh eyes): a re-assessment is completed by someone who has not handled the case, and ${actor.username} has`,
      );
    }
    return task;
  }

  async claim(actor: Actor, taskId: string): Promise<TaskEntity> {
    const task = await this.visibleTask(actor, taskId);
    if (!canWorkOnTask(actor, { ...task, assignee: null })) throw new ForbiddenException(`Only ${task.agency} may claim task ${taskId}`);
    await this.change(task, async (em) => {
      if (!(await this.tasks.changeAssignee(taskId, null, actor.username, em))) {
        throw new ConflictException(`Task ${taskId} is not open and unassigned`);
      }
      await this.tasks.addEvent(taskId, 'claimed', actor.username, {}, em);
    });
    return this.visibleTask(actor, taskId);
  }

  async release(actor: Actor, taskId: string): Promise<TaskEntity> {
    const task = await this.visibleTask(actor, taskId);
    const lead = isLeadFor(actor, task);
    if (task.assignee !== actor.username && !lead) throw new ForbiddenException(`Task ${taskId} is not assigned to you`);
    await this.change(task, async (em) => {
      if (!(await this.tasks.changeAssignee(taskId, lead ? 'any' : actor.username, null, em))) {
        throw new ConflictException(`Task ${taskId} is not open and assigned`);
      }
      await this.tasks.addEvent(taskId, 'released', actor.username, { from: task.assignee }, em);
    });
    return this.visibleTask(actor, taskId);
  }

  /** A lead moves the task to someone in the task's agency, who is alerted. */
  async reassign(actor: Actor, taskId: string, to: string): Promise<TaskEntity> {
    const task = await this.visibleTask(actor, taskId);
    if (!isLeadFor(actor, task)) throw new ForbiddenException(`Only a lead may reassign task ${taskId}`);
    const assignee = await this.users.findActive(to);
    if (!assignee || assignee.agency !== task.agency) {
      throw new ConflictException(`${to} is not an active member of ${task.agency}`);
    }
    await this.change(task, async (em) => {
      if (!(await this.tasks.changeAssignee(taskId, 'any', to, em))) throw new ConflictException(`Task ${taskId} is not open`);
      await this.tasks.addEvent(taskId, 'reassigned', actor.username, { from: task.assignee, to }, em);
    });
    const reassigned = await this.visibleTask(actor, taskId);
    await this.alerts.send({
      key: `${task.key}/assigned/${to}/${Date.now()}`,
      username: to,
      type: 'task.assigned',
      taskId,
      caseId: task.caseId,
      data: taskFacts(reassigned),
    });
    return reassigned;
  }

  async comment(actor: Actor, taskId: string, text: string): Promise<void> {
    const task = await this.visibleTask(actor, taskId);
    if (!canWorkOnTask(actor, task)) throw new ForbiddenException(`You may not comment on task ${taskId}`);
    await this.change(task, (em) => this.tasks.addEvent(taskId, 'commented', actor.username, { text }, em));
  }

  /** A person's change to a task: the change, its task event and its audit entry commit together. */
  private change(task: TaskEntity, work: (em: EntityManager) => Promise<void>): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      await work(em);
      await this.audit.appendPendingIn(em, task.caseId);
    });
  }

  async history(actor: Actor, taskId: string) {
    await this.visibleTask(actor, taskId);
    return this.tasks.history(taskId);
  }

  private async openTask(taskId: string): Promise<TaskEntity | undefined> {
    const task = await this.tasks.findById(taskId);
    return task?.status === 'open' ? task : undefined;
  }

  /** Alerts the assignee, or every non-lead member of the task's team while it is unassigned. */
  private async alertResponsible(task: TaskEntity, type: AlertType, keySuffix: string): Promise<void> {
    const usernames = task.assignee
      ? [task.assignee]
      : (await this.users.teamMembers(task.team)).filter((u) => u.role !== 'lead').map((u) => u.username);
    await this.alerts.sendToAll(usernames, {
      key: `${task.key}/${keySuffix}`,
      type,
      taskId: task.id,
      caseId: task.caseId,
      data: taskFacts(task),
    });
  }
}

/** What an alert may say about a task: kind, step and due time — identifiers, never personal data. */
function taskFacts(task: TaskEntity): JsonObject {
  return { kind: task.kind, step: task.step, dueAt: task.dueAt.toISOString() };
}
