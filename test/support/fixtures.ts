import { randomInt } from 'node:crypto';

/**
 * A valid CPR number for a child born 2010–2020 (7th digit 4: the 2000s for years 00–36), or, for a
 * test whose rules depend on the age (a young person of 15+ takes part), born `yearsAgo` years ago.
 */
export function childCpr(yearsAgo?: number): string {
  const dd = String(randomInt(1, 29)).padStart(2, '0');
  const mm = String(randomInt(1, 13)).padStart(2, '0');
  const yy = String(yearsAgo === undefined ? randomInt(10, 21) : (new Date().getFullYear() - yearsAgo) % 100).padStart(2, '0');
  return `${dd}${mm}${yy}-4${String(randomInt(0, 1000)).padStart(3, '0')}`;
}

/** A notification body the API accepts: a citizen worried about a child of their own (a new case each call). */
export function notificationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    source: 'citizen',
    receivedAt: new Date().toISOString(),
    child: { cpr: childCpr() },
    concern: 'The neighbours hear shouting every night',
    abuse: false,
    acute: false,
    ...overrides,
  };
}

/** A professional's notification: they get a receipt and feedback. */
export function professionalNotificationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return notificationBody({
    source: 'professional',
    professionalKind: 'school',
    notifier: { name: 'Lærer Hansen', email: 'hansen@skole.example' },
    ...overrides,
  });
}
