import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Agency } from '@sagsflow/domain';

export type Role = 'caseworker' | 'lead' | 'member' | 'admin';

/** A person who works in the product: the municipality's directory of staff, keyed by login name. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('text')
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  agency: Agency;

  @Column({ type: 'text' })
  team: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
