import { useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import type { Me } from '../api/types';
import { useAuth } from '../auth/auth';
import { LoadError, PageTitle } from '../components/page';
import { agencyDa, ROLE_DA } from '../text';

/** Production: one button to the identity provider. Development: choose a demo user. */
export function SignInPage() {
  const { config } = useAuth();
  return (
    <main id="indhold" className="container app-main">
      <PageTitle title="Log ind">Log ind i Sagsflow</PageTitle>
      {config.oidc ? <ProviderSignIn /> : config.devLogin ? <DemoUserSignIn /> : <p>Der er ikke sat nogen måde at logge ind på op.</p>}
    </main>
  );
}

function ProviderSignIn() {
  const { signInWithProvider } = useAuth();
  return (
    <button type="button" className="button button-primary" onClick={() => void signInWithProvider()}>
      Log ind med kommunens login
    </button>
  );
}

function DemoUserSignIn() {
  const { signInAs } = useAuth();
  const users = useLoad(() => api<Me[]>('/api/auth/dev-users'), []);
  const [failed, setFailed] = useState<string | null>(null);
  if (users.error) return <LoadError error={users.error} retry={users.reload} />;
  if (!users.data) return <p>Indlæser brugere…</p>;
  return (
    <>
      <p>Udviklingsmiljø: vælg en demobruger. Et rigtigt system logger ind med kommunens login (OpenID Connect).</p>
      {failed && (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">{failed}</p>
        </div>
      )}
      <ul className="demo-users">
        {users.data.map((user) => (
          <li key={user.username}>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => signInAs(user.username).catch(() => setFailed(`${user.displayName} kunne ikke logges ind. Prøv igen.`))}
            >
              {user.displayName}
            </button>{' '}
            {agencyDa(user.agency)}, {ROLE_DA[user.role] ?? user.role} ({user.username})
          </li>
        ))}
      </ul>
    </>
  );
}
