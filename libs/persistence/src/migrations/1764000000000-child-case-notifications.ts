import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The child's case: children, one open case per child per municipality, the notification as
 * received (with its notifier and idempotency key), letters to notifiers, measures and the case
 * timeline.
 */
export class ChildCaseNotifications1764000000000 implements MigrationInterface {
  name = 'ChildCaseNotifications1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE children (
        id uuid PRIMARY KEY,
        municipality text NOT NULL,
        cpr text,
        name text,
        birth_date date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX children_cpr_idx ON children (municipality, cpr) WHERE cpr IS NOT NULL`);
    await db.query(`CREATE INDEX children_name_birth_idx ON children (municipality, lower(name), birth_date) WHERE cpr IS NULL`);
    await db.query(`ALTER TABLE cases ADD COLUMN child_id uuid REFERENCES children(id)`);
    await db.query(`CREATE UNIQUE INDEX cases_open_child_idx ON cases (municipality, child_id) WHERE status = 'open'`);
    await db.query(`ALTER TABLE cases ADD COLUMN workflow_id text`);
    await db.query(`
      ALTER TABLE notifications
        ADD COLUMN professional_kind text,
        ADD COLUMN notifier jsonb,
        ADD COLUMN abuse boolean NOT NULL DEFAULT false,
        ADD COLUMN acute boolean NOT NULL DEFAULT false,
        ADD COLUMN decision text,
        ADD COLUMN created_by text,
        ADD COLUMN idempotency_key text,
        ADD COLUMN request_hash text`);
    await db.query(
      `CREATE UNIQUE INDEX notifications_idempotency_idx ON notifications (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE letters (
        id uuid PRIMARY KEY,
        key text NOT NULL UNIQUE,
        notification_id uuid NOT NULL REFERENCES notifications(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL,
        body text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'due',
        sent_at timestamptz,
        sent_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX letters_case_idx ON letters (case_id)`);
    await db.query(`
      CREATE TABLE measures (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        decided_at timestamptz NOT NULL,
        decided_by text NOT NULL
      )`);
    await db.query(`CREATE INDEX measures_case_idx ON measures (case_id)`);
    await db.query(`
      CREATE TABLE case_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES cases(id),
        type text NOT NULL,
        actor text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_events`);
    await db.query(`DROP TABLE measures`);
    await db.query(`DROP TABLE letters`);
    await db.query(`DROP INDEX notifications_idempotency_idx`);
    await db.query(`
      ALTER TABLE notifications DROP COLUMN professional_kind, DROP COLUMN notifier, DROP COLUMN abuse,
        DROP COLUMN acute, DROP COLUMN decision, DROP COLUMN created_by, DROP COLUMN idempotency_key,
        DROP COLUMN request_hash`);
    await db.query(`DROP INDEX cases_open_child_idx`);
    await db.query(`ALTER TABLE cases DROP COLUMN child_id, DROP COLUMN workflow_id`);
    await db.query(`DROP TABLE children`);
  }
}
