import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The process outbox: the Temporal calls (start, signal) a request owes, committed in the same
 * transaction as the rows they belong to, and relayed after it — so no row is left without its
 * workflow and no workflow without its row.
 */
export class ProcessOutbox1764700000000 implements MigrationInterface {
  name = 'ProcessOutbox1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE process_outbox (
        id uuid PRIMARY KEY,
        case_id uuid REFERENCES cases (id),
        calls jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        last_error text
      )`);
    // The relay reads only what is still owed, soonest first: a small partial index whatever the history.
    await db.query(`CREATE INDEX process_outbox_due_idx ON process_outbox (next_attempt_at) WHERE done_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE process_outbox`);
  }
}
