import { Client as PgClient } from 'pg';
import { notificationBody } from '../support/fixtures';
import { OpenSuite, openSuite, waitFor } from '../support/stack';

/**
 * The application connects as a role that owns nothing: it may add to and read the audit log but
 * cannot change, remove or unprotect what is in it, nor give itself the right to. The product
 * works as that role.
 */
describe("the application's database role and the audit log", () => {
  let suite: OpenSuite;
  let app: PgClient;
  const notices: string[] = [];
  const appRole = () => new URL(suite.stack.config.DATABASE_URL).username;
  const migrationRole = () => new URL(suite.stack.config.MIGRATION_DATABASE_URL).username;
  const entries = async () => (await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n as number;

  beforeAll(async () => {
    suite = await openSuite(['reception1']);
    app = new PgClient({ connectionString: suite.stack.config.DATABASE_URL });
    app.on('notice', (notice) => notices.push(notice.message ?? ''));
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await suite?.close();
  });

  it('is a role of its own that owns nothing and cannot create anything', async () => {
    expect(appRole()).not.toBe(migrationRole());
    const owned = await app.query(`SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
    expect(owned.rows[0].n).toBe(0);
    await expect(app.query('CREATE TABLE mine (id int)')).rejects.toThrow(/permission denied for schema public/);
  });

  it('takes a notification through the API and the worker, auditing it', async () => {
    const created = (await suite.as('reception1').post('/api/notifications', notificationBody()).expect(201)).body;
    await waitFor(async () => (await app.query(`SELECT 1 FROM tasks WHERE workflow_id = $1 AND kind = 'triage'`, [created.workflowId])).rowCount === 1);
    const audited = await app.query(`SELECT username, action, what FROM audit_log WHERE case_id = $1`, [created.caseId]);
    expect(audited.rows).toEqual([{ username: 'reception1', action: 'create', what: 'notification' }]);
    // Client connections only: an autovacuum worker on this database shows a null role.
    const connected = await suite.stack.db.query(
      `SELECT DISTINCT usename FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    expect(connected.rows).toEqual([{ usename: appRole() }]);
  });

  it('adds to and reads the audit log', async () => {
    const { rows } = await app.query(
      `INSERT INTO audit_log (username, agency, action, what, purpose) VALUES ('reception1', 'RECEPTION', 'read', 'case', 'casework') RETURNING id`,
    );
    expect((await app.query('SELECT purpose FROM audit_log WHERE id = $1', [rows[0].id])).rows).toEqual([{ purpose: 'casework' }]);
  });

  it.each([
    ['update', `UPDATE audit_log SET purpose = 'nothing to see'`],
    ['delete', 'DELETE FROM audit_log'],
    ['truncate', 'TRUNCATE audit_log'],
  ])('may not %s audit entries', async (_what, sql) => {
    const before = await entries();
    expect(before).toBeGreaterThan(0);
    await expect(app.query(sql)).rejects.toThrow('permission denied for table audit_log');
    expect(await entries()).toBe(before);
  });

  it.each([
    ['disable its triggers', 'ALTER TABLE audit_log DISABLE TRIGGER ALL', 'must be owner of table audit_log'],
    ['drop its trigger', 'DROP TRIGGER audit_log_no_update_or_delete ON audit_log', 'must be owner of relation audit_log'],
    ['replace its trigger function', 'CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE sql AS $$ SELECT NULL::trigger $$', 'permission denied for schema public'],
  ])('may not %s', async (_what, sql, refusal) => {
    await expect(app.query(sql)).rejects.toThrow(refusal);
    const triggers = await app.query(`SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass ORDER BY tgname`);
    expect(triggers.rows).toEqual([
      { tgname: 'audit_log_no_truncate', tgenabled: 'O' },
      { tgname: 'audit_log_no_update_or_delete', tgenabled: 'O' },
    ]);
  });

  it('may not grant itself more, nor become the migration role', async () => {
    // Holding some privilege on the table, it is not refused outright: PostgreSQL grants nothing and says so.
    await app.query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO ${app.escapeIdentifier(appRole())}`);
    expect(notices).toContain('no privileges were granted for "audit_log"');
    const may = await app.query(
      `SELECT has_table_privilege('audit_log', 'UPDATE') OR has_table_privilege('audit_log', 'DELETE') OR has_table_privilege('audit_log', 'TRUNCATE') AS any`,
    );
    expect(may.rows[0].any).toBe(false);
    await expect(app.query(`UPDATE audit_log SET purpose = 'nothing to see'`)).rejects.toThrow('permission denied for table audit_log');

    await expect(app.query(`SET ROLE ${app.escapeIdentifier(migrationRole())}`)).rejects.toThrow(`permission denied to set role "${migrationRole()}"`);
    await expect(app.query(`GRANT ${app.escapeIdentifier(migrationRole())} TO CURRENT_USER`)).rejects.toThrow(/permission denied to grant role/);
  });

  it('gets the same grants on a table a later migration creates', async () => {
    await suite.stack.db.query('CREATE TABLE later_migration (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)');
    try {
      const { rows } = await app.query(`INSERT INTO later_migration (note) VALUES ('new') RETURNING id`);
      await app.query(`UPDATE later_migration SET note = 'changed' WHERE id = $1`, [rows[0].id]);
      expect((await app.query('SELECT note FROM later_migration')).rows).toEqual([{ note: 'changed' }]);
      await app.query('DELETE FROM later_migration');
      await expect(app.query('DROP TABLE later_migration')).rejects.toThrow('must be owner of table later_migration');
    } finally {
      await suite.stack.db.query('DROP TABLE later_migration');
    }
  });
});
