import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case workflow's tovholder and pending hand-over (overdragelse) in the read model: since when
 * the coordinator has been it, and the hand-over waiting for the receiving agency's acceptance.
 */
export class CaseTovholderHandover1764300000000 implements MigrationInterface {
  name = 'CaseTovholderHandover1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN coordinator_since timestamptz, ADD COLUMN pending_handover jsonb`);
    // No process assigned coordinators before this; for any that exist, the case's opening is the earliest they began.
    await db.query(`UPDATE cases SET coordinator_since = created_at WHERE coordinator IS NOT NULL`);
    // The read model shows the tovholder's agency and start: both must be there whenever one is named.
    await db.query(`
      ALTER TABLE cases
        ADD CONSTRAINT cases_coordinator_fkey FOREIGN KEY (coordinator) REFERENCES users(username),
        ADD CONSTRAINT cases_coordinator_since_check CHECK ((coordinator IS NULL) = (coordinator_since IS NULL))`);
    // Caseload balancing counts open cases per coordinator; a deactivation finds the cases a person coordinates.
    await db.query(`CREATE INDEX cases_open_coordinator_idx ON cases (coordinator) WHERE status = 'open'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX cases_open_coordinator_idx`);
    await db.query(`ALTER TABLE cases DROP CONSTRAINT cases_coordinator_fkey`);
    await db.query(`ALTER TABLE cases DROP COLUMN coordinator_since, DROP COLUMN pending_handover`);
  }
}
