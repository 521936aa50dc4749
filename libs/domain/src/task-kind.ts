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
} as const satisfies Record<string, TaskKindSpec>;

export type TaskKind = keyof typeof TASK_KINDS;

export function isTaskKind(kind: string): kind is TaskKind {
  return Object.prototype.hasOwnProperty.call(TASK_KINDS, kind);
}
