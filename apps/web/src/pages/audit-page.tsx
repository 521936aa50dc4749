import { type FormEvent, useState } from 'react';
import { ApiError, apiPage } from '../api/client';
import type { AuditEntry, ClientConfig } from '../api/types';
import { useLoad } from '../api/use-load';
import { useAuth } from '../auth/auth';
import { ErrorSummary, Field } from '../components/field';
import { LoadError, PageTitle } from '../components/page';
import { agencyDa, formatDateTime } from '../text';

const ACTION_DA: Record<string, string> = { read: 'Læst', create: 'Oprettet', change: 'Ændret', refused: 'Afvist adgang' };
const FIELD_IDS = { caseId: 'audit-case', username: 'audit-user' };

/** A prepared Temporal Web search for every workflow of one case (by the CaseId search attribute). */
export function temporalWebLink(temporalWeb: NonNullable<ClientConfig['temporalWeb']>, caseId: string): string {
  const query = encodeURIComponent(`CaseId="${caseId}"`);
  return `${temporalWeb.url.replace(/\/$/, '')}/namespaces/${encodeURIComponent(temporalWeb.namespace)}/workflows?query=${query}`;
}

/**
 * The audit log (revisionslog) for administrators: who read or changed which case, when and why,
 * with a link from each case to its workflows in Temporal Web.
 */
export function AuditPage() {
  const { config } = useAuth();
  const [filters, setFilters] = useState({ caseId: '', username: '' });
  const [applied, setApplied] = useState(filters);
  const [page, setPage] = useState(1);
  const entries = useLoad(() => {
    const query = new URLSearchParams({ page: String(page) });
    if (applied.caseId) query.set('caseId', applied.caseId.trim());
    if (applied.username) query.set('username', applied.username.trim());
    return apiPage<AuditEntry>(`/api/audit?${query}`);
  }, [applied, page]);
  const invalid = entries.error instanceof ApiError && entries.error.status === 400 ? entries.error : null;

  const search = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setApplied(filters);
  };

  return (
    <>
      <PageTitle title="Revisionslog">Revisionslog</PageTitle>
      <ErrorSummary error={invalid} fieldIds={FIELD_IDS} />
      <form onSubmit={search} className="audit-search" role="search" aria-label="Søg i revisionsloggen">
        <Field id="audit-case" path="caseId" label="Sags-id" hint="Sagens id (uuid), som det står i adressen på sagens side." error={invalid}>
          {(describedBy, bad) => (
            <input id="audit-case" className="form-input" value={filters.caseId} aria-describedby={describedBy} aria-invalid={bad} onChange={(e) => setFilters({ ...filters, caseId: e.target.value })} />
          )}
        </Field>
        <Field id="audit-user" path="username" label="Brugernavn" error={invalid}>
          {(describedBy, bad) => (
            <input id="audit-user" className="form-input" value={filters.username} aria-describedby={describedBy} aria-invalid={bad} onChange={(e) => setFilters({ ...filters, username: e.target.value })} />
          )}
        </Field>
        <button type="submit" className="button button-primary">
          Søg
        </button>
      </form>
      {config.temporalWeb && applied.caseId && !invalid && (
        <p>
          <a href={temporalWebLink(config.temporalWeb, applied.caseId.trim())}>Sagens forløb i Temporal Web</a>
        </p>
      )}
      {entries.error && !invalid ? (
        <LoadError error={entries.error} retry={entries.reload} />
      ) : !entries.data ? (
        <p>Indlæser…</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>{entries.data.total} hændelser, de nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Bruger</th>
                <th scope="col">Enhed</th>
                <th scope="col">Handling</th>
                <th scope="col">Formål</th>
                <th scope="col">Sag</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.items.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.username}</td>
                  <td>{agencyDa(entry.agency)}</td>
                  <td>
                    {ACTION_DA[entry.action] ?? entry.action} ({entry.what})
                  </td>
                  <td>{entry.purpose}</td>
                  <td>
                    {entry.caseId &&
                      (config.temporalWeb ? (
                        <a href={temporalWebLink(config.temporalWeb, entry.caseId)}>
                          Temporal Web<span className="sr-only"> for sag {entry.caseId}</span>
                        </a>
                      ) : (
                        entry.caseId
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(entries.data?.total ?? 0) > page * 100 && (
        <button type="button" className="button button-secondary" onClick={() => setPage(page + 1)}>
          Ældre hændelser
        </button>
      )}
    </>
  );
}
