import type { Agency } from './agency';

/** Each kind of human work item: its titles and who does it by default (its outcome: task-outcome.ts). */
export interface TaskKindSpec {
  /** Short title for inboxes (never personal data). */
  title: string;
  /** The same in Danish, for e-mails to coordinators. */
  titleDa: string;
  agency: Agency;
  /** Other agencies that may also do this work (the authority may triage as reception does). */
  alsoBy?: readonly Agency[];
  /** Only someone who has not handled the case may complete it (BL §137 stk. 1: fresh eyes). */
  freshEyes?: boolean;
}

export const TASK_KINDS = {
  triage: {
    title: 'Triage a notification',
    titleDa: 'Vurdering af underretning',
    agency: 'RECEPTION',
    alsoBy: ['AUTHORITY'],
  },
  'send-receipt': {
    title: 'Send a receipt to the notifier',
    titleDa: 'Send kvittering til underretter',
    agency: 'RECEPTION',
  },
  'send-feedback': {
    title: 'Send feedback to the notifier',
    titleDa: 'Send tilbagemelding til underretter',
    agency: 'RECEPTION',
  },
  'accept-handover': {
    title: 'Accept a case hand-over',
    titleDa: 'Modtag overdragelse af sag',
    agency: 'AUTHORITY',
  },
  'child-conversation': {
    title: 'Hold a conversation with the child',
    titleDa: 'Børnesamtale',
    agency: 'AUTHORITY',
  },
  'acute-action': {
    title: 'Act on an acute notification',
    titleDa: 'Akut handling på underretning',
    agency: 'AUTHORITY',
  },
  reassessment: {
    title: 'Re-assess the case with fresh eyes',
    titleDa: 'Genvurdering af sagen',
    agency: 'AUTHORITY',
    freshEyes: true,
  },
  /** An agency's contribution to a case it does not own, e.g. PPR's psychological-educational assessment (BL §22 stk. 4). */
  contribution: {
    title: 'Contribute to a case',
    titleDa: 'Bidrag til sag',
    agency: 'PPR',
  },
  // The investigation's steps (børnefaglig undersøgelse, BL §§20–22)
  'investigation-child-conversation': {
    title: 'Hold the investigation’s conversation with the child',
    titleDa: 'Børnesamtale i undersøgelsen',
    agency: 'AUTHORITY',
  },
  'parent-involvement': {
    title: 'Involve the parents (and a young person aged 15+)',
    titleDa: 'Inddragelse af forældre og den unge',
    agency: 'AUTHORITY',
  },
  'network-mapping': {
    title: 'Map the network and offer a family group conference',
    titleDa: 'Netværkskortlægning og familierådslagning',
    agency: 'AUTHORITY',
  },
  'professional-statements': {
    title: 'Gather statements from professionals',
    titleDa: 'Udtalelser fra fagpersoner',
    agency: 'AUTHORITY',
  },
  'siblings-considered': {
    title: 'Consider the siblings (BL §21)',
    titleDa: 'Søskende overvejet',
    agency: 'AUTHORITY',
  },
  'health-examination': {
    title: 'Have the child’s health examined',
    titleDa: 'Helbredsundersøgelse',
    agency: 'AUTHORITY',
  },
  'preliminary-assessment': {
    title: 'Make a preliminary assessment (investigation past its deadline)',
    titleDa: 'Foreløbig vurdering',
    agency: 'AUTHORITY',
  },
  'investigation-conclusion': {
    title: 'Conclude the investigation',
    titleDa: 'Konklusion på undersøgelsen',
    agency: 'AUTHORITY',
  },
  /** Until the placement process exists, the authority prepares a placement by hand. */
  'placement-preparation': {
    title: 'Prepare the placement',
    titleDa: 'Forbered anbringelse',
    agency: 'AUTHORITY',
  },
  'send-outcome': {
    title: 'Tell the notifier whether the investigation led to support',
    titleDa: 'Send besked om undersøgelsens udfald til underretter',
    agency: 'RECEPTION',
  },
  // The preventive measure (forebyggende foranstaltning, BL §32) and its follow-up (BL §95)
  'child-plan': {
    title: 'Make the child’s plan (BL §91)',
    titleDa: 'Barnets plan',
    agency: 'AUTHORITY',
  },
  'measure-follow-up': {
    title: 'Follow up on the measure (BL §95)',
    titleDa: 'Opfølgning på foranstaltningen',
    agency: 'AUTHORITY',
  },
} as const satisfies Record<string, TaskKindSpec>;

export type TaskKind = keyof typeof TASK_KINDS;

export function isTaskKind(kind: string): kind is TaskKind {
  return Object.prototype.hasOwnProperty.call(TASK_KINDS, kind);
}
