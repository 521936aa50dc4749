import { BrowserRouter, Route, Routes } from 'react-router';
import { useAuth } from './auth/auth';
import { Layout } from './components/layout';
import { PageTitle } from './components/page';
import { Toasts } from './components/toasts';
import { LiveEvents } from './live/live-events';
import { AlertsPage } from './pages/alerts-page';
import { AuditPage } from './pages/audit-page';
import { CasePage } from './pages/case-page';
import { InboxPage } from './pages/inbox-page';
import { IntakePage } from './pages/intake-page';
import { ProcessesPage } from './pages/processes-page';
import { SignInPage } from './pages/sign-in-page';
import { TaskPage } from './pages/task-page';

export function App() {
  const { user } = useAuth();
  if (!user) return <SignInPage />;
  return (
    <BrowserRouter>
      <Toasts>
        <LiveEvents>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={user.agency === 'ADMIN' ? <AuditPage /> : <InboxPage />} />
              <Route path="tasks/:id" element={<TaskPage />} />
              <Route path="cases/:id" element={<CasePage />} />
              <Route path="notifications/new" element={<IntakePage />} />
              <Route path="processes" element={<ProcessesPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="alerts" element={<AlertsPage />} />
              <Route path="*" element={<PageTitle title="Siden findes ikke">Siden findes ikke</PageTitle>} />
            </Route>
          </Routes>
        </LiveEvents>
      </Toasts>
    </BrowserRouter>
  );
}
