import type { Agency } from './agency';

/**
 * A municipality's policy profile: the legal floor plus its own stricter rules (DOMAIN.md,
 * "Municipal policy profiles"). Profiles are data; the rules that read them are pure functions.
 */
export interface Policy {
  name: string;
  /** Open cases a caseworker should carry at most (Hvidovre aims at about 20). */
  caseloadCap: number;
  /** How long before a task's due time its assignee is reminded, at most. */
  reminderLeadHours: number;
  /** Agencies whose staff may be a young person's coordinator (tovholder). */
  coordinatorAgencies: Agency[];
}

export const POLICIES = {
  legal: { name: 'legal', caseloadCap: 30, reminderLeadHours: 48, coordinatorAgencies: ['AUTHORITY'] },
  hvidovre: { name: 'hvidovre', caseloadCap: 20, reminderLeadHours: 48, coordinatorAgencies: ['AUTHORITY'] },
  aalborg: {
    name: 'aalborg',
    caseloadCap: 30,
    reminderLeadHours: 48,
    coordinatorAgencies: ['AUTHORITY', 'JOBCENTER_UNG'],
  },
} as const satisfies Record<string, Policy>;

export type PolicyName = keyof typeof POLICIES;
