import type { AlertEntity } from '@sagsflow/persistence';
import { alertMail } from './alert-text';

describe('the alert of an investigation past its deadline', () => {
  // Data a careless caller might add: none of it may reach the e-mail.
  const data = { dueAt: '2027-03-24T22:59:59.999Z', name: 'Emil Jensen', cpr: '170512-4321' };
  const mail = (type: AlertEntity['type']) => alertMail({ id: 'a1', type, taskId: null, data }, 'lead1@example.dk', 'https://sagsflow.example.dk');

  it.each([
    ['investigation.overdue', 'Børnefaglig undersøgelse over fristen', 'er ikke afsluttet inden fristen (24. mar. 2027'],
  ] as const)('%s says what is due and when, in Danish, and nothing about the child', (type, subject, lead) => {
    const { subject: actualSubject, text } = mail(type);
    expect(actualSubject).toBe(subject);
    expect(text).toContain(lead);
    expect(text).toContain('23.59'); // Copenhagen time
    expect(text).toContain('https://sagsflow.example.dk/');
    expect(`${actualSubject} ${text}`).not.toMatch(/Emil|Jensen|170512|undefined/);
  });
});
