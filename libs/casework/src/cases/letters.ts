import type { InvestigationDecision } from '@sagsflow/domain';
import type { NotificationEntity } from '@sagsflow/persistence';

const danishDate = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long' });

const DECISION_TEXT: Record<string, string> = {
  close: 'Underretningen har ikke givet anledning til at iværksætte en undersøgelse eller foranstaltninger.',
  advice: 'Familien tilbydes rådgivning og vejledning.',
  'advisory-team': 'Familien er med samtykke henvist til kommunens rådgivende team.',
  investigation: 'Underretningen har givet anledning til en børnefaglig undersøgelse.',
  acute: 'Underretningen har givet anledning til akut handling og en børnefaglig undersøgelse.',
};

const OUTCOME_TEXT: Record<InvestigationDecision, string> = {
  'no-support': 'Undersøgelsen har ikke ført til støtte.',
  'preventive-measure': 'Undersøgelsen har ført til en forebyggende foranstaltning.',
  placement: 'Undersøgelsen har ført til en anbringelse uden for hjemmet.',
};

/** The receipt to a professional notifier (SEL §155 b stk. 1), in Danish. */
export function receiptLetter(notification: NotificationEntity): string {
  return [
    `Kære ${notification.notifier?.name ?? 'underretter'}`,
    '',
    `Vi bekræfter modtagelsen af din underretning af ${danishDate.format(notification.receivedAt)}.`,
    'Du får en tilbagemelding, når vi har vurderet, om den giver anledning til en undersøgelse eller foranstaltninger.',
  ].join('\n');
}

/** The feedback to a professional notifier on what the notification led to (SEL §155 b stk. 2). */
export function feedbackLetter(notification: NotificationEntity, decision: string): string {
  return [
    `Kære ${notification.notifier?.name ?? 'underretter'}`,
    '',
    `Tilbagemelding på din underretning af ${danishDate.format(notification.receivedAt)}:`,
    DECISION_TEXT[decision] ?? 'Underretningen er vurderet.',
  ].join('\n');
}

/**
 * The second letter to a professional notifier whose notification led to an investigation: whether
 * the investigation led to support (SEL §155 b stk. 2). It says what kind, nothing of its content.
 */
export function outcomeLetter(notification: NotificationEntity, decision: InvestigationDecision): string {
  return [
    `Kære ${notification.notifier?.name ?? 'underretter'}`,
    '',
    `Din underretning af ${danishDate.format(notification.receivedAt)} førte til en børnefaglig undersøgelse, som nu er afsluttet.`,
    OUTCOME_TEXT[decision],
  ].join('\n');
}
