import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Agency } from '@sagsflow/domain';

/** A team within an agency. Its lead is told when its tasks are overdue or its caseworkers are full. */
@Entity({ name: 'teams' })
export class TeamEntity {
  @PrimaryColumn('text')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  agency: Agency;

  @Column({ name: 'lead_username', type: 'text', nullable: true })
  leadUsername: string | null;
}
