import { AGENCIES, type Agency, handoverProblem, MEASURE_TYPES, type NotificationSource, PROCESS_MAPS, type ProcessKind, type ProfessionalKind } from '@sagsflow/domain';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, NetworkError } from '../api/client';
import type { Case, CaseProcess, HandoverResult, InvestigationStarted } from '../api/types';
import { useLoad } from '../api/use-load';
import { useAuth } from '../auth/auth';
import { BpmnDiagram } from '../components/bpmn-diagram';
import { ErrorSummary, Field } from '../components/field';
import { LoadError, PageTitle } from '../components/page';
import {
  actorDa,
  CASE_STATUS_DA,
  caseEventDa,
  deadlineStateDa,
  deadlineWhatDa,
  decisionDa,
  INVESTIGATION_DECISION_DA,
  INVESTIGATION_STATUS_DA,
  MEASURE_KIND_DA,
  MEASURE_STATUS_DA,
  measureTypeDa,
  PROCESS_STATUS_DA,
  processNameDa,
  PROFESSIONAL_KIND_DA,
  reasonDa,
  SOURCE_DA,
  stepNameDa,
} from '../case-text';
import { useLiveEvent } from '../live/live-events';
import { agencyDa, formatDate, formatDateTime } from '../text';

/** Agencies that may register a notification (POST /api/notifications). */
const INTAKE_AGENCIES: readonly string[] = ['RECEPTION', 'AUTHORITY', 'ADVISORY_TEAM', 'PPR', 'JOBCENTER_UNG'];

type ActionKind = 'investigation' | 'measure' | 'handover' | 'involvement' | 'tovholder';

/**
 * The child's case: the child (the only page that shows who it is), who owns and coordinates the
 * case, its deadlines, notifications and timeline, every process of the case on its diagram with
 * where it stands, and what the signed-in user may do — nothing they may not. Both reads are
 * audited by the API (purpose: casework). A live event about the case or a task loads it again.
 */
export function CasePage() {
  const { id = '' } = useParams();
  // Another case is another page: nothing of this one (its data, an open form) carries over.
  return <CaseView key={id} id={id} />;
}

function CaseView({ id }: { id: string }) {
  const { user } = useAuth();
  const loaded = useLoad(() => Promise.all([api<Case>(`/api/cases/${id}`), api<CaseProcess[]>(`/api/cases/${id}/processes`)]), [id]);
  const [openAction, setOpenAction] = useState<ActionKind | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const actionsHeading = useRef<HTMLHeadingElement>(null);

  // Live events come in bursts (a task completed, the next created): one reload for each burst.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveEvent((event) => {
    if (event.data.caseId !== id && typeof event.data.taskId !== 'string') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(loaded.reload, 300);
  });

  if (!user) return null;
  if (!loaded.data) {
    return (
      <>
        <PageTitle title="Sag">Sag</PageTitle>
        {loaded.error !== undefined ? <LoadError error={loaded.error} retry={loaded.reload} /> : <p role="status">Indlæser sagen…</p>}
      </>
    );
  }

  const [theCase, processes] = loaded.data;
  const open = theCase.status === 'open';
  const ownerStaff = user.agency === theCase.owner;
  // The authority starts investigations and measures (a closed case opens again); one investigation at a time.
  const authority = user.agency === 'AUTHORITY';
  const may: Record<ActionKind, boolean> = {
    investigation: authority && !theCase.investigations.some((i) => i.status === 'open'),
    measure: authority,
    handover: open && ownerStaff && !theCase.pendingHandover,
    involvement: open && ownerStaff,
    tovholder: open && user.role === 'lead',
  };

  const done = (text: string) => {
    setOpenAction(null);
    setAnnouncement(text);
    loaded.reload();
    actionsHeading.current?.focus();
  };
  const toggle = (action: ActionKind) => {
    setAnnouncement('');
    setOpenAction((current) => (current === action ? null : action));
  };
  const cancel = (action: ActionKind) => {
    setOpenAction(null);
    // Back to the action's button, or to the heading when the action is no longer offered.
    (may[action] ? document.getElementById(`handling-${action}`) : actionsHeading.current)?.focus();
  };
  const form = (action: ActionKind): FormProps => ({ theCase, onDone: done, onCancel: () => cancel(action), onStale: loaded.reload });

  return (
    <>
      <PageTitle title={`Sag ${theCase.caseNumber}`}>Sag {theCase.caseNumber}</PageTitle>
      {loaded.error !== undefined && (
        <div className="alert alert-warning" role="alert">
          <p className="alert-text">Sagen kunne ikke opdateres; det viste kan være forældet.</p>
          <button type="button" className="button button-secondary" onClick={loaded.reload}>
            Prøv igen
          </button>
        </div>
      )}

      <div className="two-columns case-top">
        <div>
          <section aria-labelledby="sag-barnet">
            <h2 id="sag-barnet">Barnet</h2>
            <dl className="facts">
              <dt>Navn</dt>
              <dd>{theCase.child.name ?? 'Ikke oplyst'}</dd>
              <dt>CPR-nummer</dt>
              <dd>{theCase.child.cpr ?? 'Ikke oplyst'}</dd>
              <dt>Fødselsdato</dt>
              <dd>{theCase.child.birthDate ? <time dateTime={theCase.child.birthDate}>{formatDate(theCase.child.birthDate)}</time> : 'Ikke oplyst'}</dd>
            </dl>
          </section>

          <section aria-labelledby="sag-ansvar">
            <h2 id="sag-ansvar">Ansvar</h2>
            <dl className="facts">
              <dt>Status</dt>
              <dd>{CASE_STATUS_DA[theCase.status] ?? theCase.status}</dd>
              <dt>Ejer</dt>
              <dd>{agencyDa(theCase.owner)}</dd>
              <dt>Tovholder</dt>
              <dd>
                {theCase.tovholder ? (
                  <>
                    {theCase.tovholder.username} ({agencyDa(theCase.tovholder.agency)}), siden{' '}
                    <time dateTime={theCase.tovholder.since}>{formatDate(theCase.tovholder.since)}</time>
                  </>
                ) : (
                  'Ingen'
                )}
              </dd>
              <dt>Sagsbehandler</dt>
              <dd>{theCase.responsibleCaseworker ?? 'Ingen endnu'}</dd>
            </dl>
          </section>

          {theCase.pendingHandover && <PendingHandover handover={theCase.pendingHandover} />}

          <section aria-labelledby="sag-frister">
            <h2 id="sag-frister">Frister</h2>
            <Deadlines deadlines={theCase.deadlines} />
          </section>
        </div>

        <section aria-labelledby="sag-handlinger" className="case-actions">
          <h2 id="sag-handlinger" ref={actionsHeading} tabIndex={-1}>
            Handlinger
          </h2>
          <p role="status" className="action-status">
            {announcement}
          </p>
          {/* An open form stays when its action is no longer offered (someone else was quicker), so its refusal is read where it was asked. */}
          {(Object.keys(may) as ActionKind[])
            .filter((action) => may[action] || openAction === action)
            .map((action) => (
              <div key={action} className="case-action">
                <button
                  type="button"
                  id={`handling-${action}`}
                  className="button button-secondary"
                  aria-expanded={openAction === action}
                  aria-controls={openAction === action ? `formular-${action}` : undefined}
                  onClick={() => toggle(action)}
                >
                  {ACTION_LABEL[action]}
                </button>
                {openAction === action && (
                  <div id={`formular-${action}`} className="case-action-form">
                    {action === 'investigation' && <InvestigationForm {...form(action)} />}
                    {action === 'measure' && <MeasureForm {...form(action)} />}
                    {action === 'handover' && <HandoverForm {...form(action)} />}
                    {action === 'involvement' && <InvolvementForm {...form(action)} />}
                    {action === 'tovholder' && <TovholderForm {...form(action)} />}
                  </div>
                )}
              </div>
            ))}
          <ActionNotes theCase={theCase} ownerStaff={ownerStaff} />
          {INTAKE_AGENCIES.includes(user.agency) && (
            <p>
              <Link to="/notifications/new">Ny underretning</Link>
              {!authority && (
                <>
                  <br />
                  <span className="form-hint">Undersøgelser og foranstaltninger startes af myndigheden.</span>
                </>
              )}
            </p>
          )}
        </section>
      </div>

      <section aria-labelledby="sag-processer">
        <h2 id="sag-processer">Processer</h2>
        {processes.length === 0 ? <p>Sagens processer er ved at starte. Siden opdateres af sig selv.</p> : <Processes processes={processes} />}
      </section>

      <div className="two-columns">
        <section aria-labelledby="sag-tidslinje">
          <h2 id="sag-tidslinje">Tidslinje</h2>
          <Timeline events={theCase.timeline} />
        </section>
        <div>
          <section aria-labelledby="sag-underretninger">
            <h2 id="sag-underretninger">Underretninger</h2>
            <Notifications notifications={theCase.notifications} />
          </section>
          <section aria-labelledby="sag-undersoegelser">
            <h2 id="sag-undersoegelser">Undersøgelser</h2>
            <Investigations investigations={theCase.investigations} />
          </section>
          <section aria-labelledby="sag-foranstaltninger">
            <h2 id="sag-foranstaltninger">Foranstaltninger</h2>
            <Measures measures={theCase.measures} />
          </section>
        </div>
      </div>
    </>
  );
}

const ACTION_LABEL: Record<ActionKind, string> = {
  investigation: 'Start børnefaglig undersøgelse',
  measure: 'Start forebyggende foranstaltning',
  handover: 'Overdrag sagen',
  involvement: 'Inddrag en anden enhed',
  tovholder: 'Skift tovholder',
};

/** Why an action is missing, when the user could otherwise expect it. */
function ActionNotes({ theCase, ownerStaff }: { theCase: Case; ownerStaff: boolean }) {
  if (theCase.status !== 'open') return <p>Sagen er lukket; der kan ikke handles på den.</p>;
  if (!ownerStaff) return <p>Kun medarbejdere i {agencyDa(theCase.owner)}, som ejer sagen, kan overdrage den eller inddrage andre enheder.</p>;
  if (theCase.pendingHandover) return <p>Sagen kan ikke overdrages igen, før den ventende overdragelse er besvaret.</p>;
  return null;
}

function PendingHandover({ handover }: { handover: NonNullable<Case['pendingHandover']> }) {
  const overdue = new Date(handover.dueAt).getTime() < Date.now();
  return (
    <section aria-labelledby="sag-overdragelse" className="pending-handover">
      <h2 id="sag-overdragelse">Overdragelse venter</h2>
      <dl className="facts">
        <dt>Fra → til</dt>
        <dd>
          {agencyDa(handover.from)} → {agencyDa(handover.to)}
        </dd>
        <dt>Begrundelse</dt>
        <dd>{reasonDa(handover.reason)}</dd>
        <dt>Anmodet af</dt>
        <dd>
          {actorDa(handover.requestedBy)}, <time dateTime={handover.requestedAt}>{formatDateTime(handover.requestedAt)}</time>
        </dd>
        <dt>Svarfrist</dt>
        <dd>
          <time dateTime={handover.dueAt}>{formatDateTime(handover.dueAt)}</time>
          {overdue && <strong className="deadline-state deadline-overdue"> Overskredet</strong>}
        </dd>
      </dl>
      <p>Indtil {agencyDa(handover.to)} modtager sagen, ejer {agencyDa(handover.from)} den.</p>
    </section>
  );
}

function Deadlines({ deadlines }: { deadlines: Case['deadlines'] }) {
  if (deadlines.length === 0) return <p>Ingen åbne frister.</p>;
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption className="sr-only">Sagens åbne frister, den nærmeste først</caption>
        <thead>
          <tr>
            <th scope="col">Hvad</th>
            <th scope="col">Frist</th>
            <th scope="col">Status</th>
            <th scope="col">Hos</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((deadline) => (
            <tr key={`${deadline.source}-${deadline.taskId ?? deadline.what}-${deadline.dueAt}`}>
              <td>{deadline.taskId ? <Link to={`/tasks/${deadline.taskId}`}>{deadlineWhatDa(deadline.what)}</Link> : deadlineWhatDa(deadline.what)}</td>
              <td>
                <time dateTime={deadline.dueAt}>{formatDateTime(deadline.dueAt)}</time>
              </td>
              <td>
                <span className={`deadline-state deadline-${deadline.state}`}>{deadlineStateDa(deadline.state)}</span>
              </td>
              <td>{deadline.owner ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Processes({ processes }: { processes: CaseProcess[] }) {
  const count = (kind: string) => processes.filter((p) => p.kind === kind).length;
  return (
    <>
      {processes.map((process) => {
        const name = processNameDa(process.kind);
        const nth = processes.filter((p) => p.kind === process.kind).indexOf(process) + 1;
        const title = count(process.kind) > 1 ? `${name} nr. ${nth}` : name;
        return (
          <section key={process.workflowId} className="process-section" aria-labelledby={`proces-${process.workflowId}`}>
            <h3 id={`proces-${process.workflowId}`}>
              {title} <span className="process-status">({(PROCESS_STATUS_DA[process.status] ?? process.status).toLowerCase()})</span>
            </h3>
            {PROCESS_MAPS[process.kind as ProcessKind] ? (
              <BpmnDiagram
                kind={process.kind}
                title={title}
                active={process.active}
                completed={process.completed}
                deadlines={process.deadlines}
              />
            ) : (
              <p>
                Processen har endnu intet diagram. Aktive trin:{' '}
                {process.active.length === 0 ? 'ingen' : process.active.map((step) => stepNameDa(process.kind, step)).join(', ')}.
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}

function Timeline({ events }: { events: Case['timeline'] }) {
  if (events.length === 0) return <p>Intet endnu.</p>;
  return (
    <>
      <p className="form-hint">Nyeste først.</p>
      <ol className="timeline">
        {[...events].reverse().map((event, i) => {
          const { text, detail } = caseEventDa(event.type, event.data);
          return (
            <li key={`${event.at}-${event.type}-${i}`}>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              <span className="timeline-text">{text}</span>
              <span className="timeline-actor">af {actorDa(event.actor)}</span>
              {detail && <span className="timeline-detail">{detail}</span>}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** A time with its words, or a dash when there is none. */
function When({ at, withTime = false }: { at: string | null; withTime?: boolean }) {
  if (!at) return <>–</>;
  return <time dateTime={at}>{withTime ? formatDateTime(at) : formatDate(at)}</time>;
}

function Investigations({ investigations }: { investigations: Case['investigations'] }) {
  if (investigations.length === 0) return <p>Ingen undersøgelser.</p>;
  return (
    <ul>
      {investigations.map((investigation) => (
        <li key={investigation.id}>
          <strong>{INVESTIGATION_STATUS_DA[investigation.status] ?? investigation.status}</strong>, startet <When at={investigation.startedAt} />
          <dl className="facts">
            <dt>Frist for konklusion</dt>
            <dd>
              <When at={investigation.dueAt} withTime />
              {investigation.overdue && <strong className="deadline-state deadline-overdue"> Overskredet</strong>}
            </dd>
            {investigation.preliminaryAssessmentDueAt && (
              <>
                <dt>Foreløbig vurdering senest</dt>
                <dd>
                  <When at={investigation.preliminaryAssessmentDueAt} withTime />
                </dd>
              </>
            )}
            {investigation.decision && (
              <>
                <dt>Afgørelse</dt>
                <dd>
                  {INVESTIGATION_DECISION_DA[investigation.decision]}, <When at={investigation.concludedAt} />
                </dd>
              </>
            )}
            <dt>Begrundelse</dt>
            <dd>{reasonDa(investigation.reason)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Measures({ measures }: { measures: Case['measures'] }) {
  if (measures.length === 0) return <p>Ingen foranstaltninger.</p>;
  return (
    <ul>
      {measures.map((measure) => (
        <li key={measure.id}>
          <strong>{measure.type ? measureTypeDa(measure.type) : (MEASURE_KIND_DA[measure.kind] ?? measure.kind)}</strong> ({(MEASURE_STATUS_DA[measure.status] ?? measure.status).toLowerCase()}),
          besluttet <When at={measure.decidedAt} />
          {measure.type && (
            <dl className="facts">
              <dt>Mål</dt>
              <dd>{measure.goal}</dd>
              <dt>Starter</dt>
              <dd>
                <When at={measure.startsOn} />
              </dd>
              <dt>Barnets plan</dt>
              <dd>
                {measure.planDoneAt ? (
                  <>
                    lagt <When at={measure.planDoneAt} />
                  </>
                ) : (
                  <>
                    senest <When at={measure.planDueAt} withTime />
                  </>
                )}
              </dd>
              <dt>{measure.status === 'open' ? 'Næste opfølgning' : 'Afsluttet'}</dt>
              <dd>
                <When at={measure.status === 'open' ? measure.nextFollowUpAt : measure.closedAt} withTime={measure.status === 'open'} />
              </dd>
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}

function Notifications({ notifications }: { notifications: Case['notifications'] }) {
  if (notifications.length === 0) return <p>Ingen underretninger.</p>;
  return (
    <ul className="notifications">
      {notifications.map((n) => (
        <li key={n.id}>
          <strong>
            <time dateTime={n.receivedAt}>{formatDateTime(n.receivedAt)}</time>
          </strong>
          : fra {(SOURCE_DA[n.source as NotificationSource] ?? n.source).toLowerCase()}
          {n.professionalKind ? ` (${PROFESSIONAL_KIND_DA[n.professionalKind as ProfessionalKind] ?? n.professionalKind})` : ''}
          {n.abuse ? ', mistanke om overgreb' : ''}
          {n.acute ? ', akut' : ''}. Vurdering: {n.decision ? decisionDa(n.decision).toLowerCase() : 'endnu ikke vurderet'}.
        </li>
      ))}
    </ul>
  );
}

/* ---------- The actions ---------- */

interface FormProps {
  theCase: Case;
  onDone(announcement: string): void;
  onCancel(): void;
  /** The API said the case is not as the page shows it (a 409 or 403): read it again. */
  onStale(): void;
}

/** A key for one request, also where crypto.randomUUID is missing (plain HTTP on another host than localhost). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A form's sending: one request at a time (a second click while one is under way does nothing),
 * the API's refusals in Danish — each named field next to its input and in the summary; after a
 * 409 or 403 the case is read again, as it has changed under the user — and a network failure
 * said as such. The Idempotency-Key is made when the form opens and kept until
 * the API answers, so a request retried after a lost answer is done once; after a refusal, which
 * did nothing, the next attempt is a new request.
 */
function useSubmit(fieldTexts: Record<string, string>, conflict: string, onStale: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [offline, setOffline] = useState(false);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const key = useRef(newIdempotencyKey());

  // The focus goes to the summary of what was refused once it is on the screen.
  useEffect(() => {
    if (error) document.getElementById('fejloversigt')?.focus();
  }, [error]);

  const refuse = (fields: { field: string }[]) => {
    setError(
      new ApiError(
        400,
        'Ret det markerede og prøv igen.',
        fields.map((f) => ({ field: f.field, messages: [fieldTexts[f.field] ?? fieldTexts[f.field.split('.')[0]] ?? f.field] })),
      ),
    );
  };

  const submit = async (check: () => string[], send: (idempotencyKey: string) => Promise<void>) => {
    if (busy.current) return;
    const missing = check();
    if (missing.length > 0) return refuse(missing.map((field) => ({ field })));
    busy.current = true;
    setSending(true);
    setOffline(false);
    try {
      await send(key.current);
      setError(null);
    } catch (failure) {
      if (failure instanceof NetworkError) {
        setOffline(true);
      } else if (failure instanceof ApiError) {
        key.current = newIdempotencyKey();
        if (failure.fields.length > 0 && failure.fields.some((f) => fieldTexts[f.field] ?? fieldTexts[f.field.split('.')[0]])) {
          refuse(failure.fields);
        } else {
          setError(new ApiError(failure.status, refusalText(failure.status, conflict)));
          if (failure.status === 409 || failure.status === 403) onStale();
        }
      } else {
        throw failure;
      }
    } finally {
      busy.current = false;
      setSending(false);
    }
  };
  return { error, offline, sending, submit };
}

function refusalText(status: number, conflict: string): string {
  if (status === 409) return conflict;
  if (status === 403) return 'Du har ikke lov til dette på denne sag. Siden viser nu, hvad du kan.';
  if (status === 503) return 'Sagens proces bliver opdateret lige nu. Prøv igen om lidt.';
  return 'Handlingen mislykkedes. Prøv igen om lidt.';
}

function FormFrame({
  title,
  error,
  offline,
  fieldIds,
  onSubmit,
  children,
}: {
  title: string;
  error: ApiError | null;
  offline: boolean;
  fieldIds: Record<string, string>;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} aria-label={title}>
      <ErrorSummary error={error} fieldIds={fieldIds} />
      {offline && (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">Serveren kunne ikke nås. Prøv igen; det sendes kun én gang.</p>
        </div>
      )}
      {children}
    </form>
  );
}

function SubmitRow({ sending, label, onCancel }: { sending: boolean; label: string; onCancel(): void }) {
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" aria-disabled={sending}>
        {sending ? 'Sender…' : label}
      </button>
      <button type="button" className="button button-tertiary" onClick={onCancel}>
        Annullér
      </button>
    </div>
  );
}

/** The agencies that may receive the case or contribute to it: libs/domain's handoverProblem decides. */
function otherAgencies(owner: Agency): Agency[] {
  return AGENCIES.filter((agency) => !handoverProblem(owner, agency));
}

/** Focuses the form's first field when it opens. */
function useFirstFocus(id: string) {
  useEffect(() => document.getElementById(id)?.focus(), [id]);
}

interface ControlProps {
  id: string;
  path: string;
  label: string;
  hint?: string;
  error: ApiError | null;
  value: string;
  onChange(value: string): void;
}

/** A labelled text field of the action forms with what is wrong with it: one line of `type`, or a text area of `rows`. */
function TextField({ rows, type = 'text', maxLength, value, onChange, ...field }: ControlProps & { rows?: number; type?: string; maxLength?: number }) {
  return (
    <Field {...field}>
      {(describedBy, invalid) => {
        const control = { id: field.id, className: 'form-input', maxLength, value, 'aria-describedby': describedBy, 'aria-invalid': invalid };
        return rows ? (
          <textarea {...control} rows={rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...control} type={type} onChange={(e) => onChange(e.target.value)} />
        );
      }}
    </Field>
  );
}

/** A labelled choice of the action forms, none made for the user (`none` is the empty choice's words). */
function ChoiceField({ none, options, value, onChange, ...field }: ControlProps & { none: string; options: { value: string; label: string }[] }) {
  return (
    <Field {...field}>
      {(describedBy, invalid) => (
        <select id={field.id} className="form-select" value={value} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)}>
          <option value="">{none}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const INVESTIGATION_FIELDS = { reason: 'investigation-reason', awareSince: 'investigation-aware-since' };

function InvestigationForm({ theCase, onDone, onCancel, onStale }: FormProps) {
  const [reason, setReason] = useState('');
  const [awareSince, setAwareSince] = useState('');
  const { error, offline, sending, submit } = useSubmit(
    {
      reason: 'Skriv, hvorfor undersøgelsen startes (højst 2.000 tegn).',
      awareSince: 'Skriv et tidspunkt, der ikke ligger i fremtiden, eller lad feltet stå tomt.',
    },
    'Sagen har allerede en børnefaglig undersøgelse i gang. Der kan kun være én ad gangen.',
    onStale,
  );
  useFirstFocus(INVESTIGATION_FIELDS.reason);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => (reason.trim() ? [] : ['reason']),
      async (idempotencyKey) => {
        // datetime-local is the browser's local time; the API takes an instant.
        const body = { reason, ...(awareSince ? { awareSince: new Date(awareSince).toISOString() } : {}) };
        const started = await api<InvestigationStarted>(`/api/cases/${theCase.id}/investigations`, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
        onDone(`Den børnefaglige undersøgelse er startet. Den skal være konkluderet senest ${formatDateTime(started.dueAt)}.`);
      },
    );
  };
  return (
    <FormFrame title="Start børnefaglig undersøgelse" error={error} offline={offline} fieldIds={INVESTIGATION_FIELDS} onSubmit={send}>
      <TextField
        id={INVESTIGATION_FIELDS.reason}
        path="reason"
        label="Begrundelse"
        hint="Vises på sagen, sendes aldrig i en e-mail."
        error={error}
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={setReason}
      />
      <TextField
        id={INVESTIGATION_FIELDS.awareSince}
        path="awareSince"
        label="Kommunen blev opmærksom (valgfrit)"
        hint="Fristen på 4 måneder regnes herfra (BL § 20, stk. 3). Tomt: nu."
        error={error}
        type="datetime-local"
        value={awareSince}
        onChange={setAwareSince}
      />
      <SubmitRow sending={sending} label="Start undersøgelsen" onCancel={onCancel} />
    </FormFrame>
  );
}

const MEASURE_FIELDS = { type: 'measure-type', goal: 'measure-goal', startsOn: 'measure-starts-on' };

function MeasureForm({ theCase, onDone, onCancel, onStale }: FormProps) {
  const [type, setType] = useState('');
  const [goal, setGoal] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const { error, offline, sending, submit } = useSubmit(
    { type: 'Vælg foranstaltningen.', goal: 'Skriv foranstaltningens mål (højst 2.000 tegn).', startsOn: 'Vælg den dag, foranstaltningen starter.' },
    'Foranstaltningen kunne ikke startes på sagen lige nu.',
    onStale,
  );
  useFirstFocus(MEASURE_FIELDS.type);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => [...(type ? [] : ['type']), ...(goal.trim() ? [] : ['goal']), ...(startsOn ? [] : ['startsOn'])],
      async (idempotencyKey) => {
        await api(`/api/cases/${theCase.id}/measures`, { method: 'POST', body: { type, goal, startsOn }, headers: { 'Idempotency-Key': idempotencyKey } });
        onDone(`${measureTypeDa(type)} er startet. Barnets plan og den første opfølgning står nu blandt sagens frister.`);
      },
    );
  };
  return (
    <FormFrame title="Start forebyggende foranstaltning" error={error} offline={offline} fieldIds={MEASURE_FIELDS} onSubmit={send}>
      <ChoiceField
        id={MEASURE_FIELDS.type}
        path="type"
        label="Foranstaltning"
        hint="Fra den mindst til den mest indgribende (indsatstrappen)."
        error={error}
        none="Vælg foranstaltning"
        options={MEASURE_TYPES.map((t) => ({ value: t, label: measureTypeDa(t) }))}
        value={type}
        onChange={setType}
      />
      <TextField id={MEASURE_FIELDS.goal} path="goal" label="Mål" error={error} rows={3} maxLength={2000} value={goal} onChange={setGoal} />
      <TextField id={MEASURE_FIELDS.startsOn} path="startsOn" label="Startdato" error={error} type="date" value={startsOn} onChange={setStartsOn} />
      <SubmitRow sending={sending} label="Start foranstaltningen" onCancel={onCancel} />
    </FormFrame>
  );
}

const HANDOVER_FIELDS = { to: 'handover-to', reason: 'handover-reason' };

function HandoverForm({ theCase, onDone, onCancel, onStale }: FormProps) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const { error, offline, sending, submit } = useSubmit(
    {
      to: `Vælg den enhed, der skal overtage sagen (ikke ${agencyDa(theCase.owner)}, som ejer den).`,
      reason: 'Skriv, hvorfor sagen skal overdrages (højst 2.000 tegn).',
    },
    'Sagen har allerede en overdragelse, der venter på svar. Der kan kun være én ad gangen.',
    onStale,
  );
  useFirstFocus(HANDOVER_FIELDS.to);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => [...(to ? [] : ['to']), ...(reason.trim() ? [] : ['reason'])],
      async (idempotencyKey) => {
        await api<HandoverResult>(`/api/cases/${theCase.id}/handovers`, { method: 'POST', body: { to, reason }, headers: { 'Idempotency-Key': idempotencyKey } });
        onDone(`Anmodningen om at overdrage sagen til ${agencyDa(to)} er sendt. ${agencyDa(theCase.owner)} ejer sagen, indtil den er modtaget.`);
      },
    );
  };
  return (
    <FormFrame title="Overdrag sagen" error={error} offline={offline} fieldIds={HANDOVER_FIELDS} onSubmit={send}>
      <ChoiceField
        id={HANDOVER_FIELDS.to}
        path="to"
        label="Modtagende enhed"
        error={error}
        none="Vælg enhed"
        options={otherAgencies(theCase.owner).map((agency) => ({ value: agency, label: agencyDa(agency) }))}
        value={to}
        onChange={setTo}
      />
      <TextField
        id={HANDOVER_FIELDS.reason}
        path="reason"
        label="Begrundelse"
        hint="Vises på sagen, sendes aldrig i en e-mail."
        error={error}
        rows={4}
        maxLength={2000}
        value={reason}
        onChange={setReason}
      />
      <SubmitRow sending={sending} label="Send anmodning" onCancel={onCancel} />
    </FormFrame>
  );
}

const INVOLVEMENT_FIELDS = { agency: 'involvement-agency', what: 'involvement-what' };

function InvolvementForm({ theCase, onDone, onCancel, onStale }: FormProps) {
  const [agency, setAgency] = useState('');
  const [what, setWhat] = useState('');
  const { error, offline, sending, submit } = useSubmit(
    {
      agency: `Vælg den enhed, der skal bidrage (ikke ${agencyDa(theCase.owner)}, som ejer sagen).`,
      what: 'Skriv kort, hvad enheden skal bidrage med (højst 200 tegn).',
    },
    'Sagens proces kører ikke lige nu, så ingen kan inddrages.',
    onStale,
  );
  useFirstFocus(INVOLVEMENT_FIELDS.agency);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => [...(agency ? [] : ['agency']), ...(what.trim() ? [] : ['what'])],
      async (idempotencyKey) => {
        await api<{ taskId: string }>(`/api/cases/${theCase.id}/involvements`, {
          method: 'POST',
          body: { agency, what },
          headers: { 'Idempotency-Key': idempotencyKey },
        });
        onDone(`${agencyDa(agency)} har fået en opgave om at bidrage til sagen.`);
      },
    );
  };
  return (
    <FormFrame title="Inddrag en anden enhed" error={error} offline={offline} fieldIds={INVOLVEMENT_FIELDS} onSubmit={send}>
      <ChoiceField
        id={INVOLVEMENT_FIELDS.agency}
        path="agency"
        label="Enhed"
        error={error}
        none="Vælg enhed"
        options={otherAgencies(theCase.owner).map((a) => ({ value: a, label: agencyDa(a) }))}
        value={agency}
        onChange={setAgency}
      />
      <TextField
        id={INVOLVEMENT_FIELDS.what}
        path="what"
        label="Hvad skal enheden bidrage med?"
        hint="Fx “PPR-vurdering”. Ingen personoplysninger: teksten står i sagens tidslinje."
        error={error}
        maxLength={200}
        value={what}
        onChange={setWhat}
      />
      <SubmitRow sending={sending} label="Inddrag" onCancel={onCancel} />
    </FormFrame>
  );
}

const TOVHOLDER_FIELDS = { username: 'tovholder-username' };

function TovholderForm({ theCase, onDone, onCancel, onStale }: FormProps) {
  const [username, setUsername] = useState('');
  const { error, offline, sending, submit } = useSubmit(
    { username: 'Skriv brugernavnet på en aktiv medarbejder i en enhed, der må være tovholder.' },
    'Sagens proces kører ikke lige nu, så tovholderen kan ikke skiftes.',
    onStale,
  );
  useFirstFocus(TOVHOLDER_FIELDS.username);
  const send = (event: FormEvent) => {
    event.preventDefault();
    const chosen = username.trim();
    void submit(
      () => (chosen ? [] : ['username']),
      async () => {
        await api(`/api/cases/${theCase.id}/tovholder`, { method: 'PUT', body: { username: chosen } });
        onDone(`${chosen} er nu tovholder på sagen.`);
      },
    );
  };
  return (
    <FormFrame title="Skift tovholder" error={error} offline={offline} fieldIds={TOVHOLDER_FIELDS} onSubmit={send}>
      <Field
        id={TOVHOLDER_FIELDS.username}
        path="username"
        label="Ny tovholder (brugernavn)"
        hint={theCase.tovholder ? `Nu: ${theCase.tovholder.username}.` : 'Sagen har ingen tovholder nu.'}
        error={error}
      >
        {(describedBy, invalid) => (
          <input
            id={TOVHOLDER_FIELDS.username}
            className="form-input"
            autoComplete="off"
            spellCheck={false}
            value={username}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => setUsername(e.target.value)}
          />
        )}
      </Field>
      <SubmitRow sending={sending} label="Skift tovholder" onCancel={onCancel} />
    </FormFrame>
  );
}
