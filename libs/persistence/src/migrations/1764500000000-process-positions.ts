import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each process's position on its map, one row per workflow (issue 11). */
export class ProcessPositions1764500000000 implements MigrationInterface {
  name = 'ProcessPositions1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE process_positions (
        workflow_id text PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled', 'terminated')),
        active text[] NOT NULL,
        completed text[] NOT NULL,
        at timestamptz NOT NULL,
        seq integer NOT NULL
      )`);
    await db.query(`CREATE INDEX process_positions_case_idx ON process_positions (case_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE process_positions`);
  }
}
