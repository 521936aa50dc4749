import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The child welfare investigation (børnefaglig undersøgelse) and the preventive measure as
 * processes in the read model (issue 13): investigations with their 4-month deadline, at most one
 * open per case; measures gain their key, type, goal, workflow and follow-up dates. Measures from
 * the stand-in endpoint keep null in the new columns.
 */
export class InvestigationsMeasures1764900000000 implements MigrationInterface {
  name = 'InvestigationsMeasures1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE investigations (
        id uuid PRIMARY KEY,
        key text NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES cases (id),
        workflow_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'concluded', 'failed', 'cancelled')),
        reason text NOT NULL,
        aware_since timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        decision text,
        notification_id uuid REFERENCES notifications (id),
        started_by text NOT NULL,
        started_at timestamptz NOT NULL,
        concluded_at timestamptz,
        preliminary_assessment_due_at timestamptz
      )`);
    await db.query(`CREATE INDEX investigations_case_idx ON investigations (case_id)`);
    // One investigation at a time per case: the API's 409 and the workflows' 'or-existing' rest on it.
    await db.query(`CREATE UNIQUE INDEX investigations_one_open_idx ON investigations (case_id) WHERE status = 'open'`);
    await db.query(`
      ALTER TABLE measures
        ADD COLUMN key text UNIQUE,
        ADD COLUMN type text,
        ADD COLUMN goal text,
        ADD COLUMN starts_on date,
        ADD COLUMN workflow_id text UNIQUE,
        ADD COLUMN investigation_id uuid REFERENCES investigations (id),
        ADD COLUMN plan_due_at timestamptz,
        ADD COLUMN plan_done_at timestamptz,
        ADD COLUMN next_follow_up_at timestamptz,
        ADD COLUMN closed_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE measures DROP COLUMN key, DROP COLUMN type, DROP COLUMN goal, DROP COLUMN starts_on, DROP COLUMN workflow_id,
        DROP COLUMN investigation_id, DROP COLUMN plan_due_at, DROP COLUMN plan_done_at, DROP COLUMN next_follow_up_at, DROP COLUMN closed_at`);
    await db.query(`DROP TABLE investigations`);
  }
}
