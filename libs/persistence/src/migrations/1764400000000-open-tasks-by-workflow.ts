import { MigrationInterface, QueryRunner } from 'typeorm';

/** Open tasks by their workflow: how the ended-process sweep and a process's clean-up find them. */
export class OpenTasksByWorkflow1764400000000 implements MigrationInterface {
  name = 'OpenTasksByWorkflow1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX tasks_open_workflow_idx ON tasks (workflow_id) WHERE status = 'open'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX tasks_open_workflow_idx`);
  }
}
