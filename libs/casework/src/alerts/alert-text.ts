import { type Agency, isTaskKind, TASK_KINDS } from '@sagsflow/domain';
import type { AlertEntity } from '@sagsflow/persistence';
import type { Mail } from './mailer';

const danishTime = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** Agencies in the definite form a Danish sentence needs (the labels are AGENCY_NAMES_DA). */
const AGENCY_DA: Record<Agency, string> = {
  RECEPTION: 'Modtagelsen',
  AUTHORITY: 'Myndigheden',
  COMMITTEE: 'Børn og unge-udvalget',
  ADVISORY_TEAM: 'Det rådgivende team',
  PPR: 'PPR',
  JOBCENTER_UNG: 'Jobcenter Ung',
  ADMIN: 'Drift',
};

const agencyDa = (value: unknown): string => AGENCY_DA[value as Agency] ?? String(value ?? '');

/**
 * The e-mail for an alert, in Danish. It names the kind of work, the due time and a link — never a
 * CPR number or a name, because e-mail leaves our control.
 */
export function alertMail(alert: Pick<AlertEntity, 'id' | 'type' | 'taskId' | 'data'>, to: string, publicUrl: string): Mail {
  const link = alert.taskId ? `${publicUrl.replace(/\/$/, '')}/tasks/${alert.taskId}` : `${publicUrl.replace(/\/$/, '')}/`;
  const { subject, lead } = alertText(alert);
  // One Message-ID per alert: the rare second send after a relay crash is the same message to mail clients.
  const messageId = `<alert-${alert.id}@${new URL(publicUrl).hostname}>`;
  return { to, subject, text: `${lead}\n\nÅbn i Sagsflow: ${link}\n`, messageId };
}

/** The alert's headline in Danish, as the web app shows it (the e-mail's subject). */
export function alertSubject(alert: Pick<AlertEntity, 'type' | 'data'>): string {
  return alertText(alert).subject;
}

function alertText(alert: Pick<AlertEntity, 'type' | 'data'>): { subject: string; lead: string } {
  const kind = String(alert.data.kind ?? '');
  const title = isTaskKind(kind) ? TASK_KINDS[kind].titleDa : 'Opgave';
  const due = typeof alert.data.dueAt === 'string' ? danishTime.format(new Date(alert.data.dueAt)) : '';
  const sender = agencyDa(alert.data.from);
  const receiver = agencyDa(alert.data.to);
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
    'handover.declined': {
      subject: 'Overdragelse afvist',
      lead: `${receiver} har afvist at overtage en sag fra ${sender}. Sagen ejes fortsat af ${sender}.`,
    },
    'handover.overdue': {
      subject: 'Overdragelse ikke besvaret',
      lead: `${receiver} har ikke besvaret en overdragelse af en sag fra ${sender} inden fristen${due ? ` (${due})` : ''}. Sagen ejes fortsat af ${sender}.`,
    },
    'process.stuck': {
      subject: 'Et sagsforløb står stille',
      lead: `Trinnet ${String(alert.data.step ?? '')} i et sagsforløb kan ikke gennemføres (${String(alert.data.errorType ?? '')}), og det prøves ikke igen af sig selv. Ret fejlen, og genoptag forløbet (se "Stuck" i Temporal Web).`,
    },
    'process.start-delayed': {
      subject: 'Sagsforløb venter på Temporal',
      lead: `En registrering er gemt, men dens sagsforløb er ikke startet, fordi kaldet til Temporal har fejlet i flere minutter (${String(alert.data.errorType ?? '')}). Det prøves fortsat; tjek forbindelsen til Temporal.`,
    },
    'reassessment.no-fresh-caseworker': {
      subject: 'Genvurdering: ingen ny rådgiver ledig',
      lead: 'En sag skal genvurderes af mindst én rådgiver, der ikke har haft sagen før (barnets lov § 137, stk. 1), men ingen i teamet er ledig. Fordel genvurderingen manuelt.',
    },
    'tovholder.assigned': {
      subject: 'Du er tovholder på en sag',
      lead: 'Du er blevet tovholder på en sag og koordinerer nu indsatsen på tværs af forvaltningerne.',
    },
    'tovholder.unassigned': {
      subject: 'En sag mangler en tovholder',
      lead: 'En sag har ikke længere en tovholder, og ingen kunne tildeles automatisk. Vælg en tovholder på sagen.',
    },
    'contribution.received': {
      subject: 'Bidrag modtaget',
      lead: `${agencyDa(alert.data.agency)} har givet sit bidrag til en sag, som du bad om.`,
    },
    'contribution.overdue': {
      subject: 'Bidrag ikke modtaget',
      lead: `${agencyDa(alert.data.agency)} har ikke givet sit bidrag til en sag inden fristen.`,
    },
    'investigation.overdue': {
      subject: 'Børnefaglig undersøgelse over fristen',
      lead: `En børnefaglig undersøgelse er ikke afsluttet inden fristen${due ? ` (${due})` : ''}. Rådgiveren skal lave en foreløbig vurdering, og undersøgelsen afsluttes hurtigst muligt (barnets lov § 20, stk. 3).`,
    },
  };
  return texts[alert.type];
}
