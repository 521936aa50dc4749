import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type LetterKind = 'receipt' | 'feedback';

/** A letter to a professional notifier (receipt, feedback), recorded when due and when sent. */
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
