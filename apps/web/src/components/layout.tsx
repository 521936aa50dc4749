import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../auth/auth';
import { useLive } from '../live/live-events';
import { agencyDa, ROLE_DA } from '../text';

const INTAKE_AGENCIES = ['RECEPTION', 'AUTHORITY', 'ADVISORY_TEAM', 'PPR', 'JOBCENTER_UNG'];

/** The frame of every signed-in page: skip link, navigation by what the user may do, alerts, sign-out. */
export function Layout() {
  const { user, signOut } = useAuth();
  const { unreadAlerts } = useLive();
  if (!user) return null;
  const admin = user.agency === 'ADMIN';
  return (
    <>
      <a className="skipnav" href="#indhold">
        Gå til indhold
      </a>
      <header className="app-header">
        <div className="container app-header-row">
          <NavLink to="/" className="app-name">
            Sagsflow
          </NavLink>
          <nav aria-label="Hovedmenu">
            <ul className="app-nav">
              {!admin && (
                <li>
                  <NavLink to="/">Indbakke</NavLink>
                </li>
              )}
              {INTAKE_AGENCIES.includes(user.agency) && (
                <li>
                  <NavLink to="/notifications/new">Ny underretning</NavLink>
                </li>
              )}
              {!admin && (
                <li>
                  <NavLink to="/processes">Processer</NavLink>
                </li>
              )}
              {admin && (
                <li>
                  <NavLink to="/audit">Revisionslog</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/alerts" aria-label={`Advarsler: ${unreadAlerts} ulæste`}>
                  Advarsler{' '}
                  <span className="unread-count" aria-hidden="true">
                    {unreadAlerts}
                  </span>
                </NavLink>
              </li>
            </ul>
          </nav>
          <div className="app-user">
            <span>
              {user.displayName} · {agencyDa(user.agency)} · {ROLE_DA[user.role] ?? user.role}
            </span>
            <button type="button" className="button button-tertiary" onClick={() => void signOut()}>
              Log ud
            </button>
          </div>
        </div>
      </header>
      <main id="indhold" className="container app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
