import { useEffect } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { LoadError, PageTitle } from '../components/page';
import { useLive, useLiveEvent, isAlert } from '../live/live-events';
import { formatDateTime } from '../text';

interface Alert {
  id: string;
  type: string;
  subject: string;
  taskId: string | null;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The user's latest alerts (advarsler), newest first; opening the page marks them read. */
export function AlertsPage() {
  const alerts = useLoad(() => api<Alert[]>('/api/alerts'), []);
  const { markAlertsRead } = useLive();
  useLiveEvent((event) => isAlert(event) && alerts.reload());
  useEffect(() => {
    if (alerts.data?.some((a) => a.readAt === null)) void markAlertsRead().catch(() => undefined);
  }, [alerts.data, markAlertsRead]);

  return (
    <>
      <PageTitle title="Advarsler">Advarsler</PageTitle>
      {alerts.error ? (
        <LoadError error={alerts.error} retry={alerts.reload} />
      ) : !alerts.data ? (
        <p>Indlæser…</p>
      ) : alerts.data.length === 0 ? (
        <p>Du har ingen advarsler.</p>
      ) : (
        <ul className="alert-list">
          {alerts.data.map((alert) => (
            <li key={alert.id}>
              {alert.readAt === null && <strong>Ny: </strong>}
              {alert.taskId ? <Link to={`/tasks/${alert.taskId}`}>{alert.subject}</Link> : alert.caseId ? <Link to={`/cases/${alert.caseId}`}>{alert.subject}</Link> : alert.subject}{' '}
              <span className="form-hint">{formatDateTime(alert.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
