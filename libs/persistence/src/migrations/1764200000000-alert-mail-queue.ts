import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts are their own e-mail queue: a relay in the worker sends what is pending, with backoff, so
 * an SMTP server that is slow or down never holds up the workflow that raised the alert.
 */
export class AlertMailQueue1764200000000 implements MigrationInterface {
  name = 'AlertMailQueue1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE alerts
        ADD COLUMN mail_status text NOT NULL DEFAULT 'pending' CHECK (mail_status IN ('pending', 'sent', 'skipped')),
        ADD COLUMN mail_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN mail_next_attempt_at timestamptz NOT NULL DEFAULT now()
    `);
    await db.query(`UPDATE alerts SET mail_status = 'sent' WHERE emailed_at IS NOT NULL`);
    await db.query(`CREATE INDEX alerts_mail_queue_idx ON alerts (mail_next_attempt_at) WHERE mail_status = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX alerts_mail_queue_idx`);
    await db.query(`ALTER TABLE alerts DROP COLUMN mail_status, DROP COLUMN mail_attempts, DROP COLUMN mail_next_attempt_at`);
  }
}
