/** A caseworker and how many open cases they carry now. */
export interface CaseloadEntry {
  username: string;
  openCases: number;
}

export type CaseworkerChoice =
  | { username: string; atCap: false }
  /** Everyone eligible is at or above the cap: the least loaded gets it and the lead must be told. */
  | { username: string; atCap: true }
  | { username: undefined; atCap: false; reason: 'no-eligible-caseworker' };

/**
 * Caseload balancing (Hvidovre: ~20 cases per caseworker): the eligible caseworker with the fewest
 * open cases, never one at the cap while anyone is below it. `exclude` names people a rule keeps
 * off the case (a fresh pair of eyes for a re-assessment). Ties go alphabetically, so the choice is
 * deterministic.
 */
export function chooseCaseworker(team: CaseloadEntry[], cap: number, exclude: readonly string[] = []): CaseworkerChoice {
  const eligible = team
    .filter((c) => !exclude.includes(c.username))
    .sort((a, b) => a.openCases - b.openCases || a.username.localeCompare(b.username));
  const [least] = eligible;
  if (!least) return { username: undefined, atCap: false, reason: 'no-eligible-caseworker' };
  return { username: least.username, atCap: least.openCases >= cap };
}
