import { MigrationInterface, QueryRunner } from 'typeorm';

const ONCE_PER_TASK = `'created', 'reminded', 'escalated', 'completed'`;

/** People and teams, the full task model with its history, alerts, and the inbox indexes. */
export class PeopleTasksAlerts1763900000000 implements MigrationInterface {
  name = 'PeopleTasksAlerts1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE teams (
        id text PRIMARY KEY,
        name text NOT NULL,
        agency text NOT NULL,
        lead_username text
      )`);
    await db.query(`
      CREATE TABLE users (
        username text PRIMARY KEY,
        display_name text NOT NULL,
        email text NOT NULL,
        agency text NOT NULL,
        team text NOT NULL REFERENCES teams(id),
        role text NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await db.query(`CREATE INDEX users_team_idx ON users (team)`);
    await db.query(`
      ALTER TABLE cases
        ADD COLUMN responsible_caseworker text,
        ADD COLUMN coordinator text,
        ADD COLUMN status text NOT NULL DEFAULT 'open'`);
    await db.query(`CREATE INDEX cases_open_caseworker_idx ON cases (responsible_caseworker) WHERE status = 'open'`);
    await db.query(`
      ALTER TABLE tasks
        ADD COLUMN team text NOT NULL DEFAULT '',
        ADD COLUMN remind_at timestamptz,
        ADD COLUMN escalate_to text,
        ADD COLUMN outcome jsonb,
        ADD COLUMN completed_by text,
        ADD COLUMN completed_at timestamptz`);
    await db.query(`ALTER TABLE tasks ALTER COLUMN team DROP DEFAULT`);
    // The inbox: mine / team / agency, filtered by status, always sorted by due time.
    await db.query(`DROP INDEX tasks_inbox_idx`);
    await db.query(`CREATE INDEX tasks_agency_inbox_idx ON tasks (agency, status, due_at, id)`);
    await db.query(`CREATE INDEX tasks_team_inbox_idx ON tasks (team, status, due_at, id)`);
    await db.query(`CREATE INDEX tasks_assignee_inbox_idx ON tasks (assignee, status, due_at, id)`);
    await db.query(`
      CREATE TABLE task_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks(id),
        type text NOT NULL,
        actor text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX task_events_task_idx ON task_events (task_id, id)`);
    // These happen at most once per task, enforced here so concurrent retries cannot double them.
    await db.query(
      `CREATE UNIQUE INDEX task_events_once_idx ON task_events (task_id, type) WHERE type IN (${ONCE_PER_TASK})`,
    );
    await db.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY,
        key text NOT NULL UNIQUE,
        username text NOT NULL,
        type text NOT NULL,
        task_id uuid REFERENCES tasks(id),
        case_id uuid REFERENCES cases(id),
        data jsonb NOT NULL DEFAULT '{}',
        emailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX alerts_user_idx ON alerts (username, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE alerts`);
    await db.query(`DROP TABLE task_events`);
    await db.query(`DROP INDEX tasks_agency_inbox_idx`);
    await db.query(`DROP INDEX tasks_team_inbox_idx`);
    await db.query(`DROP INDEX tasks_assignee_inbox_idx`);
    await db.query(`CREATE INDEX tasks_inbox_idx ON tasks (agency, status, due_at)`);
    await db.query(`
      ALTER TABLE tasks DROP COLUMN team, DROP COLUMN remind_at, DROP COLUMN escalate_to,
        DROP COLUMN outcome, DROP COLUMN completed_by, DROP COLUMN completed_at`);
    await db.query(`DROP INDEX cases_open_caseworker_idx`);
    await db.query(`ALTER TABLE cases DROP COLUMN responsible_caseworker, DROP COLUMN coordinator, DROP COLUMN status`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE teams`);
  }
}
