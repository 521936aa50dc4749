import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError, NetworkError } from '../api/client';

/**
 * A page's heading: sets the window title and takes focus when the page opens, so a screen reader
 * announces where a link led (a single-page app does not reload).
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Sagsflow`;
    heading.current?.focus();
  }, [title]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** What a failed load says: no access, not found, or a retry for a network or server failure. */
export function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  if (error instanceof ApiError && error.status === 403) return <NoAccess />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="alert alert-warning" role="alert">
        <p className="alert-heading">Findes ikke</p>
        <p className="alert-text">Det, du leder efter, findes ikke (længere).</p>
      </div>
    );
  }
  const offline = error instanceof NetworkError;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-heading">{offline ? 'Ingen forbindelse til serveren' : 'Noget gik galt'}</p>
      <p className="alert-text">
        {offline ? 'Tjek din netværksforbindelse og prøv igen.' : 'Siden kunne ikke hentes. Prøv igen om lidt.'}
      </p>
      <button type="button" className="button button-secondary" onClick={retry}>
        Prøv igen
      </button>
    </div>
  );
}

export function NoAccess() {
  return (
    <section className="alert alert-warning" role="alert" aria-labelledby="no-access">
      <h2 id="no-access" className="alert-heading">
        Ingen adgang
      </h2>
      <p className="alert-text">
        Du har ikke adgang til denne sag. Sager kan ses af Modtagelsen og Myndighed, og af en anden enhed, mens den ejer sagen eller
        har en åben opgave på den.
      </p>
    </section>
  );
}
