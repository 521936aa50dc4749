import type { DataSource } from 'typeorm';
import type { Agency } from '@sagsflow/domain';
import type { Role } from '../entities';

/** The demo municipality's teams and staff (README "Demo users"). Staff, not citizens: no CPR here. */
export const DEMO_TEAMS: { id: string; name: string; agency: Agency; lead: string | null }[] = [
  { id: 'reception', name: 'Modtagelsen', agency: 'RECEPTION', lead: 'lead1' },
  { id: 'family', name: 'Familierådgivningen', agency: 'AUTHORITY', lead: 'lead1' },
  { id: 'committee', name: 'Børn og unge-udvalget', agency: 'COMMITTEE', lead: null },
  { id: 'advisory', name: 'Det rådgivende team', agency: 'ADVISORY_TEAM', lead: null },
  { id: 'ppr', name: 'PPR', agency: 'PPR', lead: null },
  { id: 'jobcenter-ung', name: 'Jobcenter Ung', agency: 'JOBCENTER_UNG', lead: null },
  { id: 'operations', name: 'Drift', agency: 'ADMIN', lead: null },
];

export const DEMO_USERS: { username: string; displayName: string; team: string; role: Role }[] = [
  { username: 'reception1', displayName: 'Reception One', team: 'reception', role: 'caseworker' },
  { username: 'reception2', displayName: 'Reception Two', team: 'reception', role: 'caseworker' },
  { username: 'caseworker1', displayName: 'Caseworker One', team: 'family', role: 'caseworker' },
  { username: 'caseworker2', displayName: 'Caseworker Two', team: 'family', role: 'caseworker' },
  { username: 'caseworker3', displayName: 'Caseworker Three', team: 'family', role: 'caseworker' },
  { username: 'lead1', displayName: 'Team Lead One', team: 'family', role: 'lead' },
  { username: 'committee1', displayName: 'Committee Member One', team: 'committee', role: 'member' },
  { username: 'advisor1', displayName: 'Advisor One', team: 'advisory', role: 'caseworker' },
  { username: 'ppr1', displayName: 'PPR Psychologist One', team: 'ppr', role: 'caseworker' },
  { username: 'jobcenter1', displayName: 'Jobcenter Ung One', team: 'jobcenter-ung', role: 'caseworker' },
  { username: 'admin1', displayName: 'Administrator One', team: 'operations', role: 'admin' },
];

/** Inserts the demo teams and users that are missing; never changes existing rows. */
export async function seedDemoMunicipality(dataSource: DataSource): Promise<number> {
  let inserted = 0;
  for (const team of DEMO_TEAMS) {
    await dataSource.query(
      `INSERT INTO teams (id, name, agency, lead_username) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [team.id, team.name, team.agency, team.lead],
    );
  }
  for (const user of DEMO_USERS) {
    const agency = DEMO_TEAMS.find((t) => t.id === user.team)!.agency;
    const rows: unknown[] = await dataSource.query(
      `INSERT INTO users (username, display_name, email, agency, team, role)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING username`,
      [user.username, user.displayName, `${user.username}@demo.sagsflow.local`, agency, user.team, user.role],
    );
    inserted += rows.length;
  }
  return inserted;
}
