import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MeasureKind = 'preventive' | 'placement';

/** A measure (foranstaltning) decided on a case; while one is open, a new notification triggers a re-assessment. */
@Entity({ name: 'measures' })
export class MeasureEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: MeasureKind;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed';

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'decided_by', type: 'text' })
  decidedBy: string;
}
