import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, notifications and tasks: the read model the first vertical slice needs. */
export class InitialReadModel1763800000000 implements MigrationInterface {
  name = 'InitialReadModel1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE case_number_seq`);
    await db.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        case_number text NOT NULL UNIQUE,
        municipality text NOT NULL,
        owner_agency text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        source text NOT NULL,
        received_at timestamptz NOT NULL,
        concern text NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notifications_case_id_idx ON notifications (case_id)`);
    await db.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        key text NOT NULL UNIQUE,
        kind text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        process_kind text NOT NULL,
        workflow_id text NOT NULL,
        step text NOT NULL,
        agency text NOT NULL,
        assignee text,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX tasks_case_id_idx ON tasks (case_id)`);
    await db.query(`CREATE INDEX tasks_inbox_idx ON tasks (agency, status, due_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tasks`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE cases`);
    await db.query(`DROP SEQUENCE case_number_seq`);
  }
}
