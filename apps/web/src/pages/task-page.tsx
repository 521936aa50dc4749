import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, NetworkError } from '../api/client';
import type { TaskDetail, TaskEvent } from '../api/types';
import { useLoad } from '../api/use-load';
import { useAuth } from '../auth/auth';
import { OutcomeForm, OutcomeView } from '../components/outcome-form';
import { Due } from '../components/due';
import { Field } from '../components/field';
import { LoadError, PageTitle } from '../components/page';
import { useLiveEvent } from '../live/live-events';
import { agencyDa, formatDateTime, taskKindDa } from '../text';

const STATUS_DA: Record<string, string> = { open: 'Åben', completed: 'Afsluttet', cancelled: 'Annulleret' };

const EVENT_DA: Record<string, string> = {
  created: 'Oprettet',
  claimed: 'Taget',
  released: 'Sluppet',
  reassigned: 'Omfordelt',
  commented: 'Kommentar',
  reminded: 'Påmindelse sendt',
  escalated: 'Eskaleret',
  completed: 'Afsluttet',
  cancelled: 'Annulleret',
};

const actorDa = (actor: string) => (actor === 'system' ? 'Sagsflow' : actor);

interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/**
 * One task (opgave): what it is, its case by number (never the child), its deadline, who has it,
 * the form that completes it, and its history with comments. Claim, release and (for a lead)
 * reassign; the page loads again when a live event concerns the task.
 */
export function TaskPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const task = useLoad(() => api<TaskDetail>(`/api/tasks/${id}`), [id]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeBox = useRef<HTMLDivElement>(null);

  useLiveEvent((event) => {
    if (event.data.taskId === id) task.reload();
  });

  // The focus goes to the notice once it is on the screen (a timer's delay may come before the render).
  useEffect(() => {
    if (notice) noticeBox.current?.focus();
  }, [notice]);

  if (task.error && !task.data) {
    return (
      <>
        <PageTitle title="Opgave">Opgave</PageTitle>
        <LoadError error={task.error} retry={task.reload} />
      </>
    );
  }
  if (!task.data) return <p>Indlæser opgaven…</p>;
  const t = task.data;
  const title = taskKindDa(t.kind);
  const mine = t.assignee !== null && t.assignee === user?.username;
  const open = t.status === 'open';

  const act = async (action: 'claim' | 'release') => {
    try {
      await api(`/api/tasks/${t.id}/${action}`, { method: 'POST' });
      setNotice({ kind: 'success', text: action === 'claim' ? 'Du har taget opgaven.' : 'Du har sluppet opgaven.' });
    } catch (error) {
      setNotice({ kind: 'error', text: assignmentProblem(error, action) });
    }
    task.reload();
  };

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="task-case">
        <Link to={`/cases/${t.caseId}`}>Sag {t.caseNumber}</Link>
      </p>
      <dl className="facts task-facts">
        <dt>Frist</dt>
        <dd>
          <Due at={t.dueAt} open={open} />
        </dd>
        <dt>Enhed</dt>
        <dd>{agencyDa(t.agency)}</dd>
        <dt>Tildelt</dt>
        <dd>{t.assignee === null ? 'Ingen' : mine ? `${t.assignee} (dig)` : t.assignee}</dd>
        <dt>Status</dt>
        <dd>{STATUS_DA[t.status] ?? t.status}</dd>
      </dl>
      {open && (t.assignee === null || mine) && (
        <div className="button-row no-print">
          {t.assignee === null && (
            <button type="button" className="button button-secondary" onClick={() => void act('claim')}>
              Tag opgaven
            </button>
          )}
          {mine && (
            <button type="button" className="button button-secondary" onClick={() => void act('release')}>
              Slip opgaven
            </button>
          )}
        </div>
      )}
      {notice && (
        <div
          ref={noticeBox}
          tabIndex={-1}
          className={`alert ${notice.kind === 'success' ? 'alert-success' : 'alert-error'} task-notice`}
          role={notice.kind === 'success' ? 'status' : 'alert'}
        >
          <p className="alert-text">{notice.text}</p>
        </div>
      )}
      {task.error !== undefined && (
        <div className="alert alert-warning" role="alert">
          <p className="alert-text">Opgaven kunne ikke hentes igen; det viste kan være forældet.</p>
          <button type="button" className="button button-secondary" onClick={task.reload}>
            Prøv igen
          </button>
        </div>
      )}
      <div className="two-columns task-columns">
        <section aria-labelledby="outcome-heading">
          {open ? (
            <>
              <h2 id="outcome-heading">Afslut opgaven</h2>
              {t.assignee !== null && !mine && (
                <p className="form-hint">
                  Opgaven er tildelt {t.assignee}. Kun den, der har opgaven, eller en leder kan afslutte den.
                </p>
              )}
              <OutcomeForm
                key={t.id}
                task={t}
                onCompleted={() => {
                  setNotice({ kind: 'success', text: 'Opgaven er afsluttet.' });
                  task.reload();
                }}
                onConflict={() => {
                  setNotice({ kind: 'error', text: 'Opgaven er allerede afsluttet af en anden. Siden viser nu, hvad der blev registreret.' });
                  task.reload();
                }}
              />
            </>
          ) : (
            <>
              <h2 id="outcome-heading">{t.status === 'completed' ? 'Resultat' : 'Opgaven er annulleret'}</h2>
              {t.status === 'completed' ? (
                <>
                  <p>
                    Afsluttet af {t.completedBy ?? 'ukendt'}
                    {t.completedAt && (
                      <>
                        {' '}
                        <time dateTime={t.completedAt}>{formatDateTime(t.completedAt)}</time>
                      </>
                    )}
                    .
                  </p>
                  <OutcomeView kind={t.kind} outcome={t.outcome} />
                </>
              ) : (
                <p>Processen har ikke længere brug for opgaven.</p>
              )}
            </>
          )}
          {open && user?.role === 'lead' && (
            <Reassign
              task={t}
              onDone={(to) => {
                setNotice({ kind: 'success', text: `Opgaven er omfordelt til ${to}.` });
                task.reload();
              }}
            />
          )}
        </section>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Historik</h2>
          <History events={t.history} />
          <Comment taskId={t.id} onDone={task.reload} />
        </section>
      </div>
    </>
  );
}

function assignmentProblem(error: unknown, action: 'claim' | 'release'): string {
  if (error instanceof NetworkError) return 'Serveren kunne ikke nås. Prøv igen.';
  if (error instanceof ApiError && error.status === 409) {
    return action === 'claim' ? 'En anden har lige taget opgaven.' : 'Opgaven er ikke længere tildelt dig.';
  }
  if (error instanceof ApiError && error.status === 403) {
    return action === 'claim' ? 'Du kan ikke tage denne opgave: den hører til en anden enhed.' : 'Opgaven er ikke tildelt dig.';
  }
  return 'Handlingen mislykkedes. Prøv igen om lidt.';
}

function History({ events }: { events: TaskEvent[] }) {
  if (events.length === 0) return <p>Ingen hændelser endnu.</p>;
  return (
    <ol className="task-history">
      {events.map((event, i) => (
        <li key={`${event.at}-${i}`}>
          <p className="task-history-what">
            <strong>{EVENT_DA[event.type] ?? event.type}</strong> · {actorDa(event.actor)} ·{' '}
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          </p>
          <EventDetail event={event} />
        </li>
      ))}
    </ol>
  );
}

function EventDetail({ event }: { event: TaskEvent }) {
  const text = (key: string) => (typeof event.data[key] === 'string' ? (event.data[key] as string) : null);
  switch (event.type) {
    case 'commented':
      return text('text') ? <p className="task-comment">{text('text')}</p> : null;
    case 'created':
      return text('assignee') ? <p>Tildelt {text('assignee')}</p> : null;
    case 'released':
      return text('from') ? <p>Var tildelt {text('from')}</p> : null;
    case 'reassigned':
      return (
        <p>
          {text('from') ? `Fra ${text('from')} til ` : 'Til '}
          {text('to') ?? 'ukendt'}
        </p>
      );
    case 'escalated':
      return text('to') ? <p>Til {text('to')}</p> : null;
    default:
      return null;
  }
}

/** A small form with one field whose problem shows next to it (DKFDS form-error). */
function useFieldForm(send: (value: string) => Promise<void>, check: (value: string) => string | null) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const refused = check(value.trim());
    if (refused) {
      setProblem(refused);
      field.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await send(value.trim());
      setValue('');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      field.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return { value, setValue, problem, busy, field, submit };
}

function Comment({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const form = useFieldForm(
    async (text) => {
      try {
        await api<TaskDetail>(`/api/tasks/${taskId}/comments`, { method: 'POST', body: { text } });
      } catch (error) {
        throw new Error(
          error instanceof ApiError && error.status === 403
            ? 'Du kan ikke kommentere denne opgave: den er tildelt en anden.'
            : error instanceof ApiError && error.status === 400
              ? 'Kommentaren kan ikke gemmes. Den må højst være 5.000 tegn.'
              : 'Kommentaren blev ikke gemt. Prøv igen.',
        );
      }
      onDone();
    },
    (text) => (text ? null : 'Skriv en kommentar.'),
  );
  return (
    <form className="task-comment-form no-print" onSubmit={(event) => void form.submit(event)} noValidate>
      <Field id="task-comment" label="Kommentar" problem={form.problem}>
        {(describedBy, invalid) => (
          <textarea
            ref={form.field}
            id="task-comment"
            className="form-input"
            rows={3}
            maxLength={5000}
            value={form.value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => form.setValue(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-secondary" aria-disabled={form.busy || undefined}>
        Tilføj kommentar
      </button>
    </form>
  );
}

function Reassign({ task, onDone }: { task: TaskDetail; onDone: (to: string) => void }) {
  const form = useFieldForm(
    async (to) => {
      try {
        await api(`/api/tasks/${task.id}/reassign`, { method: 'POST', body: { to } });
      } catch (error) {
        throw new Error(
          error instanceof ApiError && error.status === 409
            ? `${to} er ikke en aktiv medarbejder i ${agencyDa(task.agency)}, eller opgaven er ikke længere åben.`
            : error instanceof ApiError && error.status === 400
              ? 'Skriv et brugernavn: små bogstaver, tal, punktum, bindestreg eller understreg.'
              : error instanceof ApiError && error.status === 403
                ? `Kun en leder i ${agencyDa(task.agency)} kan omfordele opgaven.`
                : 'Opgaven blev ikke omfordelt. Prøv igen.',
        );
      }
      onDone(to);
    },
    (to) => (to ? null : 'Skriv brugernavnet på den, opgaven skal omfordeles til.'),
  );
  return (
    <form className="task-reassign no-print" onSubmit={(event) => void form.submit(event)} noValidate>
      <h3>Omfordel opgaven</h3>
      <Field id="task-reassign-to" label="Brugernavn" hint={`Brugernavnet på en medarbejder i ${agencyDa(task.agency)}.`} problem={form.problem}>
        {(describedBy, invalid) => (
          <input
            ref={form.field}
            id="task-reassign-to"
            className="form-input input-width-m"
            autoComplete="off"
            spellCheck={false}
            value={form.value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => form.setValue(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-secondary" aria-disabled={form.busy || undefined}>
        Omfordel
      </button>
    </form>
  );
}
