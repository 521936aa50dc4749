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
