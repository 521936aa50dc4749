import type { NotificationEntity } from '@sagsflow/persistence';

const danishDate = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long' });

const DECISION_TEXT: Record<string, string> = {
  close: 'Underretningen har ikke givet anledning til at iværksætte en undersøgelse eller foranstaltninger.',
  advice: 'Familien tilbydes rådgivning og vejledning.',
  'advisory-team': 'Familien er med samtykke henvist til kommunens rådgivende team.',
  investigation: 'Underretningen har givet anledning til en børnefaglig undersøgelse.',
  acute: 'Underretningen har givet anledning til akut handling og en børnefaglig undersøgelse.',
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
