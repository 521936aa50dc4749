import { AGENCY_NAMES_DA, type Agency, TASK_KINDS } from '@sagsflow/domain';

/** Danish words for the product's codes. Task kinds carry their Danish title in libs/domain. */

export function agencyDa(agency: string): string {
  return AGENCY_NAMES_DA[agency as Agency] ?? agency;
}

export function taskKindDa(kind: string): string {
  return (TASK_KINDS as Record<string, { titleDa: string } | undefined>)[kind]?.titleDa ?? kind;
}

export const ROLE_DA: Record<string, string> = {
  caseworker: 'sagsbehandler',
  lead: 'leder',
  member: 'medlem',
  admin: 'administrator',
};

const dateTime = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
const date = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => date.format(new Date(iso));
