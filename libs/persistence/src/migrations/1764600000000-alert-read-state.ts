import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether each alert has been read, so the web UI's header can show how many are unread. */
export class AlertReadState1764600000000 implements MigrationInterface {
  name = 'AlertReadState1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE alerts ADD COLUMN read_at timestamptz`);
    // Unread alerts are few next to all of them: counting a user's is a small index-only scan.
    await db.query(`CREATE INDEX alerts_unread_idx ON alerts (username) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX alerts_unread_idx`);
    await db.query(`ALTER TABLE alerts DROP COLUMN read_at`);
  }
}
