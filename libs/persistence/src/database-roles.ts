import { Client } from 'pg';

/**
 * Tables the application only appends to and reads. Default privileges would give it UPDATE and
 * DELETE on them, so they are narrowed here, after every table has had its grant.
 */
const APPEND_ONLY_TABLES = ['audit_log'];
/** Tables the application has no business with: TypeORM's record of applied migrations. */
const MIGRATION_ONLY_TABLES = ['migrations'];

export interface ApplicationRole {
  name: string;
  /**
   * False when the application's role is the migration role, a member of it or a superuser: then
   * nothing was granted, and nothing but the triggers keeps it from rewriting the audit log.
   */
  restricted: boolean;
}

/**
 * Gives the role the application connects as (`applicationUrl`) what it needs on the schema the
 * migration role (`migrationUrl`) owns, and no more: reading and writing the tables, except
 * `audit_log`, which it may only insert into and read. It owns nothing, so it can neither disable
 * nor drop the audit log's triggers, nor grant itself more. Default privileges extend the same
 * grants to tables that later migrations create. Run after the migrations; idempotent, and it
 * undoes privileges granted by hand beyond these.
 */
export async function grantApplicationRole(migrationUrl: string, applicationUrl: string): Promise<ApplicationRole> {
  const name = await connected(applicationUrl, async (db) => (await db.query<{ name: string }>('SELECT current_user AS name')).rows[0].name);
  return connected(migrationUrl, async (db) => {
    const { rows } = await db.query<{ restricted: boolean }>(
      `SELECT NOT (rolsuper OR pg_has_role(rolname, current_user, 'MEMBER')) AS restricted FROM pg_roles WHERE rolname = $1`,
      [name],
    );
    const restricted = rows[0].restricted;
    if (!restricted) return { name, restricted };
    const role = db.escapeIdentifier(name);
    const tables = (names: string[]) => names.map((table) => db.escapeIdentifier(table)).join(', ');
    await db.query(`
      BEGIN;
      GRANT USAGE ON SCHEMA public TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
      ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
      ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role};
      REVOKE ALL ON ${tables([...APPEND_ONLY_TABLES, ...MIGRATION_ONLY_TABLES])} FROM ${role};
      GRANT SELECT, INSERT ON ${tables(APPEND_ONLY_TABLES)} TO ${role};
      COMMIT;`);
    return { name, restricted };
  });
}

async function connected<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
