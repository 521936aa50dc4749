import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, apiPage } from '../api/client';
import type { Task } from '../api/types';
import { useLoad } from '../api/use-load';
import { useAuth } from '../auth/auth';
import { Due } from '../components/due';
import { LoadError, PageTitle } from '../components/page';
import { useToast } from '../components/toasts';
import { isAlert, useLiveEvent } from '../live/live-events';
import { taskKindDa } from '../text';

const SCOPES = [
  { scope: 'mine', label: 'Mine' },
  { scope: 'team', label: 'Mit team' },
  { scope: 'agency', label: 'Min enhed' },
] as const;
type Scope = (typeof SCOPES)[number]['scope'];

/**
 * The inbox (indbakke): open tasks, soonest deadline first, by kind of work and case number — never
 * the child. New tasks and alerts arrive live: a notice, and the list loads again.
 */
export function InboxPage() {
  const { user } = useAuth();
  const toast = useToast();
  const [scope, setScope] = useState<Scope>('agency');
  const [page, setPage] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const tasks = useLoad(() => apiPage<Task>(`/api/tasks?scope=${scope}&page=${page}`), [scope, page]);

  useLiveEvent((event) => {
    if (event.type === 'case.changed') return; // a case's timeline: not the inbox's
    if (isAlert(event)) toast(String(event.data.subject ?? 'Ny advarsel'), event.data.taskId ? `/tasks/${String(event.data.taskId)}` : undefined);
    else if (event.type === 'task.created') toast(`Ny opgave: ${taskKindDa(String(event.data.kind))}`, `/tasks/${String(event.data.taskId)}`);
    tasks.reload();
  });

  const act = async (task: Task, action: 'claim' | 'release') => {
    setProblem(null);
    try {
      await api(`/api/tasks/${task.id}/${action}`, { method: 'POST' });
    } catch (error) {
      setProblem(error instanceof ApiError && error.status === 409 ? 'En anden har lige taget opgaven.' : 'Handlingen mislykkedes. Prøv igen.');
    }
    tasks.reload();
  };

  const pages = Math.max(1, Math.ceil((tasks.data?.total ?? 0) / 50));
  return (
    <>
      <PageTitle title="Indbakke">Indbakke</PageTitle>
      <div className="button-row" role="group" aria-label="Vis opgaver">
        {SCOPES.map(({ scope: s, label }) => (
          <button
            key={s}
            type="button"
            className={`button ${s === scope ? 'button-primary' : 'button-secondary'}`}
            aria-pressed={s === scope}
            onClick={() => {
              setScope(s);
              setPage(1);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      {problem && (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">{problem}</p>
        </div>
      )}
      {tasks.error ? (
        <LoadError error={tasks.error} retry={tasks.reload} />
      ) : !tasks.data ? (
        <p>Indlæser opgaver…</p>
      ) : tasks.data.items.length === 0 ? (
        <p>Ingen åbne opgaver her.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact inbox">
            <caption className="sr-only">Åbne opgaver, den nærmeste frist først ({tasks.data.total} i alt)</caption>
            <thead>
              <tr>
                <th scope="col">Opgave</th>
                <th scope="col">Sag</th>
                <th scope="col">Frist</th>
                <th scope="col">Tildelt</th>
                <th scope="col">
                  <span className="sr-only">Handlinger</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tasks.data.items.map((task) => (
                <tr key={task.id}>
                  <td>
                    <Link to={`/tasks/${task.id}`}>{taskKindDa(task.kind)}</Link>
                  </td>
                  <td>
                    <Link to={`/cases/${task.caseId}`}>{task.caseNumber}</Link>
                  </td>
                  <td>
                    <Due at={task.dueAt} />
                  </td>
                  <td>{task.assignee === user?.username ? 'Mig' : (task.assignee ?? 'Ingen')}</td>
                  <td>
                    {task.assignee === null && (
                      <button type="button" className="button button-secondary" onClick={() => void act(task, 'claim')}>
                        Tag<span className="sr-only"> {taskKindDa(task.kind)}, sag {task.caseNumber}</span>
                      </button>
                    )}
                    {task.assignee === user?.username && (
                      <button type="button" className="button button-secondary" onClick={() => void act(task, 'release')}>
                        Slip<span className="sr-only"> {taskKindDa(task.kind)}, sag {task.caseNumber}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="button-row" aria-label="Sider">
          <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Forrige side
          </button>
          <span>
            Side {page} af {pages}
          </span>
          <button type="button" className="button button-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Næste side
          </button>
        </nav>
      )}
    </>
  );
}
