import { isTaskKind, TASK_KINDS } from '@sagsflow/domain';
import type { AlertEntity } from '@sagsflow/persistence';
import type { Mail } from './mailer';

const danishTime = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/**
 * The e-mail for an alert, in Danish. It names the kind of work, the due time and a link — never a
 * CPR number or a name, because e-mail leaves our control.
 */
export function alertMail(alert: Pick<AlertEntity, 'type' | 'taskId' | 'data'>, to: string, publicUrl: string): Mail {
  const kind = String(alert.data.kind ?? '');
  const title = isTaskKind(kind) ? TASK_KINDS[kind].titleDa : 'Opgave';
  const due = typeof alert.data.dueAt === 'string' ? danishTime.format(new Date(alert.data.dueAt)) : '';
  const link = alert.taskId ? `${publicUrl.replace(/\/$/, '')}/tasks/${alert.taskId}` : `${publicUrl.replace(/\/$/, '')}/`;
  const texts: Record<AlertEntity['type'], { subject: string; lead: string }> = {
    'task.assigned': { subject: `Ny opgave: ${title}`, lead: `Du har fået en ny opgave: ${title}. Frist: ${due}.` },
    'task.reminder': { subject: `Påmindelse: ${title}`, lead: `Påmindelse: ${title} skal være løst senest ${due}.` },
    'task.escalated': {
      subject: `Frist overskredet: ${title}`,
      lead: `Fristen for ${title} er overskredet (frist: ${due}). Opgaven er eskaleret til dig som leder.`,
    },
    'caseload.at-cap': {
      subject: 'Sagsfordeling: alle rådgivere er ved sagsloftet',
      lead: `Alle rådgivere i teamet er ved sagsloftet (${String(alert.data.cap ?? '')} sager). En ny sag er fordelt til den mindst belastede.`,
    },
  };
  const { subject, lead } = texts[alert.type];
  return { to, subject, text: `${lead}\n\nÅbn i Sagsflow: ${link}\n` };
}
