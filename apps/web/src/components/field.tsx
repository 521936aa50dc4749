import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';

/**
 * A labelled form field in DKFDS markup with what is wrong with it right next to it, tied to the
 * input with aria-describedby: the API's messages for the field's path (e.g. `child.cpr`), or the
 * form's own `problem`.
 */
export function Field({
  id,
  path = id,
  label,
  hint,
  error = null,
  problem = null,
  children,
}: {
  id: string;
  path?: string;
  label: string;
  hint?: ReactNode;
  error?: ApiError | null;
  problem?: string | null;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const messages = problem ? [problem] : (error?.messagesFor(path) ?? []);
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${messages.length ? ' form-error' : ''}`} data-field={path}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {messages.length > 0 && (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">Fejl: </span>
          {messages.join('. ')}
        </span>
      )}
      {children(describedBy, messages.length > 0)}
    </div>
  );
}

/** The list of every problem at the top of a form, each linking to its field. */
export function ErrorSummary({ error, fieldIds }: { error: ApiError | null; fieldIds: Record<string, string> }) {
  if (!error) return null;
  const named = error.fields.filter((f) => fieldIds[f.field] ?? fieldIds[f.field.split('.')[0]]);
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} id="fejloversigt">
      <h2 className="alert-heading">Der er fejl i formularen</h2>
      {named.length === 0 ? (
        <p className="alert-text">{error.message}</p>
      ) : (
        <ul className="alert-text">
          {named.map((f) => (
            <li key={f.field}>
              <a href={`#${fieldIds[f.field] ?? fieldIds[f.field.split('.')[0]]}`}>{(f.messages ?? [f.field]).join('. ')}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
