import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** `outcome`: whether the investigation a notification led to ended in support (SEL §155 b stk. 2). */
export type LetterKind = 'receipt' | 'feedback' | 'outcome';

/** A letter to a professional notifier (receipt, feedback, outcome), recorded when due and when sent. */
@Entity({ name: 'letters' })
export class LetterEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: LetterKind;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', default: 'due' })
  status: 'due' | 'sent';

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'sent_by', type: 'text', nullable: true })
  sentBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
