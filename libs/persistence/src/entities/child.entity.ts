import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A child the municipality has a case about: by CPR number, or — for a child without one — by
 * name and birth date. Personal data: it stays in PostgreSQL, never in Temporal or logs.
 */
@Entity({ name: 'children' })
export class ChildEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  municipality: string;

  @Column({ type: 'text', nullable: true })
  cpr: string | null;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
