import './zod-without-eval';
import 'dkfds/css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import type { ClientConfig } from './api/types';
import { App } from './app';
import { AuthProvider } from './auth/auth';

const root = createRoot(document.getElementById('root') as HTMLElement);

/** The sign-in method comes from the API (GET /api/client-config) before anything is shown. */
function start(): void {
  api<ClientConfig>('/api/client-config').then(
    (config) =>
      root.render(
        <StrictMode>
          <AuthProvider config={config}>{(state) => (state === 'ready' ? <App /> : <p className="container">Indlæser…</p>)}</AuthProvider>
        </StrictMode>,
      ),
    () =>
      root.render(
        <main className="container">
          <h1>Sagsflow kan ikke nås</h1>
          <p>Serveren svarer ikke. Prøv igen om lidt.</p>
          <button type="button" className="button button-primary" onClick={start}>
            Prøv igen
          </button>
        </main>,
      ),
  );
}
start();
