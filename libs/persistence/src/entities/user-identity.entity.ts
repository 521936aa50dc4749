import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A sign-in identity, a token's issuer and subject, bound to the staff user it signs in as (see the user-identities migration). */
@Entity({ name: 'user_identities' })
export class UserIdentityEntity {
  @PrimaryColumn('text')
  issuer: string;

  @PrimaryColumn('text')
  subject: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'bound_at', type: 'timestamptz', default: () => 'now()' })
  boundAt: Date;
}
