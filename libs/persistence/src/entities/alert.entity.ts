import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { JsonObject } from './json';

export type AlertType =
  | 'task.assigned'
  | 'task.reminder'
  | 'task.escalated'
  | 'caseload.at-cap'
  /** The receiving agency declined a hand-over (overdragelse); `data`: `{ from, to }`. */
  | 'handover.declined'
  /** No answer to a hand-over by its due time; `data`: `{ from, to, dueAt }`. */
  | 'handover.overdue'
  /** A process step cannot proceed (an error retrying cannot heal) and needs operations; `data`: `{ step, errorType }`. */
  | 'process.stuck'
  /** Temporal calls a committed request owes have failed for minutes (the outbox keeps trying); for administrators; `data`: `{ errorType }`. */
  | 'process.start-delayed'
  /** No caseworker new to the case is free for a re-assessment (BL §137 stk. 1). */
  | 'reassessment.no-fresh-caseworker'
  /** The recipient became the case's tovholder; `data`: `{ username }`. */
  | 'tovholder.assigned'
  /** The case has no tovholder and nobody eligible could be found; for the leads. */
  | 'tovholder.unassigned'
  /** An agency asked to contribute (inddragelse) has done so; for whoever asked; `data`: `{ agency }`. */
  | 'contribution.received'
  /** An agency asked to contribute has not done so in time; for the owner's lead; `data`: `{ agency }`. */
  | 'contribution.overdue'
  /** An investigation passed its deadline without a conclusion (BL §20 stk. 3); for the leads, again on the policy's cadence; `data`: `{ dueAt }`. */
  | 'investigation.overdue';

/**
 * Something a coordinator must be told (a task for them, a reminder, an escalation). We say
 * "alert" because "notification" is the underretning. Delivered live over SSE and by e-mail;
 * carries identifiers only, never personal data.
 */
@Entity({ name: 'alerts' })
export class AlertEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** One alert per key, so a retried activity never alerts twice. */
  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  type: AlertType;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'jsonb', default: {} })
  data: JsonObject;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  /** The e-mail queue (see the alert-mail-queue migration): `skipped` when e-mail is off or the user cannot get it. */
  @Column({ name: 'mail_status', type: 'text', default: 'pending' })
  mailStatus: 'pending' | 'sent' | 'skipped';

  @Column({ name: 'mail_attempts', type: 'int', default: 0 })
  mailAttempts: number;

  /** When the user marked it read; null while unread (the web UI's header counts these). */
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
