import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in identities: the token's issuer and subject, bound to the staff user they sign in as.
 * `preferred_username` may change at the identity provider, or pass to someone else; the subject
 * does not, so a renamed person keeps their tasks and nobody takes over a name.
 */
export class UserIdentities1764800000000 implements MigrationInterface {
  name = 'UserIdentities1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_identities (
        issuer text NOT NULL,
        subject text NOT NULL,
        username text NOT NULL REFERENCES users (username),
        bound_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject)
      )`);
    // One identity per person at each issuer: a second account presenting the same name cannot bind
    // itself, not even in a race with the first.
    await db.query(`CREATE UNIQUE INDEX user_identities_one_per_issuer_idx ON user_identities (username, issuer)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE user_identities`);
  }
}
