import {
  type InvestigationDecision,
  MEASURE_TYPE_NAMES_DA,
  type MeasureType,
  type NotificationSource,
  PROCESS_MAPS,
  type ProcessKind,
  type ProfessionalKind,
  TRIAGE_DECISIONS,
  type TriageDecision,
} from '@sagsflow/domain';
import { agencyDa, formatDateTime, taskKindDa } from './text';

/**
 * Danish words for what the case page shows: deadline and process states, the case's timeline
 * events (the types the workflows and the worker record), and the reasons the system gives.
 * Anything not known here is shown as its code, so a new event type is never hidden.
 */

/** A deadline's state as the API computes it (libs/domain deadlineState), in words. */
export const DEADLINE_STATE_DA: Record<string, string> = {
  overdue: 'Overskredet',
  'due-soon': 'Snart',
  'on-time': 'I god tid',
};

export const deadlineStateDa = (state: string) => DEADLINE_STATE_DA[state] ?? state;

/** What a deadline of the case is for: a task kind, or a letter to the notifier (`receipt-letter`). */
export function deadlineWhatDa(what: string): string {
  if (what === 'receipt-letter') return 'Kvittering til underretter (brev)';
  if (what === 'feedback-letter') return 'Tilbagemelding til underretter (brev)';
  if (what === 'outcome-letter') return 'Besked om undersøgelsens udfald til underretter (brev)';
  return taskKindDa(what);
}

export const CASE_STATUS_DA: Record<string, string> = { open: 'Åben', closed: 'Lukket' };

export const PROCESS_STATUS_DA: Record<string, string> = {
  running: 'I gang',
  completed: 'Afsluttet',
  failed: 'Gået i stå',
  cancelled: 'Annulleret',
  terminated: 'Afbrudt',
};

/** A process's Danish name, from its map (`Underretning`, `Barnets sag`); the kind when it has none. */
export function processNameDa(kind: string): string {
  return PROCESS_MAPS[kind as ProcessKind]?.name ?? kind;
}

/** Who performs a step of a map: an agency, or whichever agency a hand-over or an involvement names. */
export function performerDa(performer: string): string {
  if (performer === 'receiving-agency') return 'den modtagende enhed';
  if (performer === 'involved-agency') return 'den inddragne enhed';
  return agencyDa(performer);
}

/** A step of a process's map by its id (`triage` → `Vurdering af underretning`); the id when unknown. */
export function stepNameDa(kind: string, step: string): string {
  return PROCESS_MAPS[kind as ProcessKind]?.nodes.find((node) => node.id === step)?.name ?? step;
}

export const TRIAGE_DECISION_DA: Record<TriageDecision, string> = {
  close: 'Sagen lukkes',
  advice: 'Rådgivning',
  'advisory-team': 'Rådgivende team',
  investigation: 'Børnefaglig undersøgelse',
  acute: 'Akut indsats',
};

export function decisionDa(decision: string): string {
  return (TRIAGE_DECISIONS as readonly string[]).includes(decision) ? TRIAGE_DECISION_DA[decision as TriageDecision] : decision;
}

/** Who notified, as a label (the case page writes it in lower case inside a sentence). */
export const SOURCE_DA: Record<NotificationSource, string> = {
  professional: 'Fagperson',
  citizen: 'Borger',
  anonymous: 'Anonym',
  child: 'Barnet selv',
};

/** The notifier's field, in lower case as a sentence needs it; a label capitalises it (`capitalised`). */
export const PROFESSIONAL_KIND_DA: Record<ProfessionalKind, string> = {
  school: 'skole',
  daycare: 'dagtilbud',
  health: 'sundhedspleje',
  police: 'politi',
  doctor: 'læge',
  hospital: 'hospital',
  social: 'socialforvaltning',
  other: 'anden fagperson',
};

export const MEASURE_KIND_DA: Record<string, string> = {
  preventive: 'Forebyggende foranstaltning',
  placement: 'Anbringelse',
};

export const MEASURE_STATUS_DA: Record<string, string> = { open: 'Igangværende', closed: 'Afsluttet' };

/** A measure's type (its step on the indsatstrappe), in Danish; the code when unknown. */
export const measureTypeDa = (type: string) => MEASURE_TYPE_NAMES_DA[type as MeasureType] ?? type;

export const INVESTIGATION_STATUS_DA: Record<string, string> = { open: 'I gang', concluded: 'Konkluderet', failed: 'Gået i stå', cancelled: 'Annulleret' };

export const INVESTIGATION_DECISION_DA: Record<InvestigationDecision, string> = {
  'no-support': 'Ingen støtte',
  'preventive-measure': 'Forebyggende foranstaltning',
  placement: 'Anbringelse',
};

const FOLLOW_UP_DECISION_DA: Record<string, string> = { continue: 'fortsætter', 'step-down': 'trin ned', 'step-up': 'trin op', end: 'afsluttes' };

/** Who did something: a username, or the system itself. */
export function actorDa(actor: string): string {
  return actor === 'system' ? 'systemet' : actor;
}

/** The reasons the workflows give in English for what they do themselves, in Danish; a person's own words stay as written. */
export function reasonDa(reason: string): string {
  const triage = /^triage decision: (.+)$/.exec(reason);
  if (triage) return `vurderingens beslutning: ${decisionDa(triage[1]).toLowerCase()}`;
  const accepted = /^hand-over accepted by (.+)$/.exec(reason);
  if (accepted) return `overdragelsen blev modtaget af ${agencyDa(accepted[1])}`;
  const left = /^(.+) left(; nobody eligible)?$/.exec(reason);
  if (left) return `${left[1]} er fratrådt${left[2] ? '; ingen kan overtage' : ''}`;
  const known: Record<string, string> = {
    'acute notification': 'akut underretning',
    'acute move': 'akut flytning af sagen',
    'assigned by caseload': 'tildelt efter sagsmængde',
    'assigned by caseload; nobody eligible': 'ingen kunne tildeles efter sagsmængde',
    'chosen by a lead': 'valgt af en leder',
    abuse: 'mistanke om overgreb',
  };
  return known[reason] ?? reason;
}

/** One entry of the case's timeline, in words: what happened, and details such as a reason. */
export interface EventText {
  text: string;
  detail?: string;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function caseEventDa(type: string, data: Record<string, unknown>): EventText {
  const to = agencyDa(str(data.to));
  const from = agencyDa(str(data.from));
  const reason = str(data.reason) && reasonDa(str(data.reason));
  const process = str(data.process) && processNameDa(str(data.process));
  const withReason = (text: string): EventText => (reason ? { text, detail: `Begrundelse: ${reason}` } : { text });
  switch (type) {
    case 'handover.requested':
      return withReason(data.from ? `Anmodning om overdragelse fra ${from} til ${to}` : `Anmodning om overdragelse til ${to}`);
    case 'handover.accepted':
      return { text: `Overdragelsen til ${to} er modtaget` };
    case 'handover.declined':
      return withReason(`Overdragelsen til ${to} er afvist`);
    case 'handover.cancelled':
      return withReason(`Overdragelsen til ${to} er annulleret`);
    case 'owner.changed':
      return withReason(data.from ? `Sagen er flyttet fra ${from} til ${to}` : `Sagen ejes nu af ${to}`);
    case 'tovholder.changed':
      return withReason(str(data.to) ? `Tovholder er nu ${str(data.to)}` : 'Sagen har ingen tovholder');
    case 'reassessment.requested':
      return { text: 'Genvurdering af sagen efter ny underretning', detail: str(data.assignee) ? `Tildelt ${str(data.assignee)}` : 'Ingen ny sagsbehandler kunne tildeles' };
    case 'involvement.requested':
      return { text: `${agencyDa(str(data.agency))} er bedt om et bidrag`, detail: str(data.what) ? `Bidrag: ${str(data.what)}` : undefined };
    case 'involvement.contributed':
      return { text: `${agencyDa(str(data.agency))} har givet sit bidrag` };
    case 'measure.recorded':
      return { text: `Foranstaltning registreret: ${(MEASURE_KIND_DA[str(data.kind)] ?? str(data.kind)).toLowerCase()}` };
    case 'triage.decided':
      return { text: `Underretningen er vurderet: ${decisionDa(str(data.decision)).toLowerCase()}` };
    case 'investigation.required':
      return withReason('Der skal iværksættes en børnefaglig undersøgelse');
    case 'letter.receipt.sent':
      return { text: 'Kvittering sendt til underretter' };
    case 'letter.feedback.sent':
      return { text: 'Tilbagemelding sendt til underretter' };
    case 'letter.outcome.sent':
      return { text: 'Underretteren har fået besked om, hvad undersøgelsen førte til' };
    case 'investigation.started':
      return { text: 'Børnefaglig undersøgelse startet', detail: str(data.dueAt) ? `Frist: ${formatDateTime(str(data.dueAt))}` : undefined };
    case 'investigation.step-done':
      return { text: `Undersøgelsen: ${stepNameDa('investigation', str(data.step))} er udført` };
    case 'investigation.ppr-refused':
      return { text: 'PPR kunne ikke inddrages i undersøgelsen' };
    case 'investigation.concluded':
      return { text: `Undersøgelsen er konkluderet: ${(INVESTIGATION_DECISION_DA[str(data.decision) as InvestigationDecision] ?? str(data.decision)).toLowerCase()}` };
    case 'measure.started':
      return { text: `Forebyggende foranstaltning startet: ${measureTypeDa(str(data.type)).toLowerCase()}` };
    case 'measure.plan-made':
      return { text: 'Barnets plan er lagt' };
    case 'measure.followed-up':
      return { text: `Opfølgning på foranstaltningen: ${FOLLOW_UP_DECISION_DA[str(data.decision)] ?? str(data.decision)}` };
    case 'measure.stepped':
      return { text: `Foranstaltningen er ændret fra ${measureTypeDa(str(data.from)).toLowerCase()} til ${measureTypeDa(str(data.to)).toLowerCase()}` };
    case 'measure.ended':
      return { text: 'Foranstaltningen er afsluttet' };
    case 'case.closed':
      return { text: 'Sagen er lukket' };
    case 'process.stuck':
      return { text: `Processen${process ? ` ${process}` : ''} er gået i stå`, detail: 'Driften er advaret.' };
    case 'process.failed':
      return { text: `Processen${process ? ` ${process}` : ''} er gået i stå`, detail: str(data.step) ? `Ved trinnet: ${stepNameDa(str(data.process), str(data.step))}` : undefined };
    case 'process.cancelled':
      return { text: `Processen${process ? ` ${process}` : ''} er annulleret` };
    case 'process.terminated':
      return { text: 'En proces er afbrudt af driften' };
  }
  // `<task kind>.completed`: a task of the case's own process was done (a re-assessment).
  const completed = /^(.+)\.completed$/.exec(type);
  if (completed && taskKindDa(completed[1]) !== completed[1]) return { text: `${taskKindDa(completed[1])} er udført` };
  return { text: type };
}

/** A word as the start of a label: its first letter in upper case. */
export const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
