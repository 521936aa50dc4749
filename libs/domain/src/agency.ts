/**
 * The agencies that take part in a case (see DOMAIN.md "Who takes part"). At every moment exactly
 * one of them owns a case.
 */
export const AGENCIES = [
  'RECEPTION', // Modtagelse: vets every incoming notification
  'AUTHORITY', // Myndighed: owns investigations, decisions, plans
  'COMMITTEE', // Børn og unge-udvalget: forced placements
  'ADVISORY_TEAM', // Rådgivende team: universal area, no authority competence
  'PPR', // Pædagogisk Psykologisk Rådgivning
  'JOBCENTER_UNG', // Jobcenter Ung / UU / Socialcenter Ung
  'ADMIN', // system administrators
] as const;

export type Agency = (typeof AGENCIES)[number];

/** Each agency's Danish name, as a label (lanes of the process diagrams, the web app). */
export const AGENCY_NAMES_DA: Record<Agency, string> = {
  RECEPTION: 'Modtagelse',
  AUTHORITY: 'Myndighed',
  COMMITTEE: 'Børn og unge-udvalget',
  ADVISORY_TEAM: 'Rådgivende team',
  PPR: 'PPR',
  JOBCENTER_UNG: 'Jobcenter Ung',
  ADMIN: 'Administration',
};

/** Everyone who works in cases; administrators read operations, never case data. */
export const STAFF_AGENCIES: readonly Agency[] = AGENCIES.filter((agency) => agency !== 'ADMIN');

/** Agencies that see every case of the municipality; the others only what is handed to them. */
export const CASE_WIDE_AGENCIES: readonly Agency[] = ['RECEPTION', 'AUTHORITY'];

/**
 * Who sees a case: reception and the authority always; another agency while it owns the case or
 * has open work on it (PPR, Jobcenter Ung, the advisory team, the committee).
 */
export function canSeeCase(agency: Agency, theCase: { ownerAgency: Agency }, hasOpenWork: boolean): boolean {
  return CASE_WIDE_AGENCIES.includes(agency) || theCase.ownerAgency === agency || hasOpenWork;
}
