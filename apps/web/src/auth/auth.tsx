import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, useTokenFrom } from '../api/client';
import type { ClientConfig, Me } from '../api/types';

/**
 * Who is signed in. The token lives in memory only, never in storage a script could read later.
 * Production signs in with OpenID Connect (authorization code + PKCE, silent renew, through
 * oidc-client-ts); development chooses a demo user (POST /api/auth/dev-login). After a reload the
 * development sign-in asks again for the user chosen in this tab; OIDC renews silently.
 */
export interface Auth {
  config: ClientConfig;
  user: Me | null;
  /** Development: sign in as a demo user. */
  signInAs(username: string): Promise<void>;
  /** Production: go to the identity provider. */
  signInWithProvider(): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);
const DEV_USER_KEY = 'sagsflow.dev-user';
export const SIGNIN_CALLBACK = '/signin-callback';

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}

function userManagerFor(oidc: NonNullable<ClientConfig['oidc']>): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: `${origin}${SIGNIN_CALLBACK}`,
    silent_redirect_uri: `${origin}${SIGNIN_CALLBACK}`,
    post_logout_redirect_uri: origin,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
  });
}

export function AuthProvider({ config, children }: { config: ClientConfig; children: (state: 'loading' | 'ready') => ReactNode }) {
  const [token, setToken] = useState<string | null>(null);
  const [user, setUser] = useState<Me | null>(null);
  const [state, setState] = useState<'loading' | 'ready'>('loading');
  const manager = useMemo(() => (config.oidc ? userManagerFor(config.oidc) : null), [config.oidc]);

  const forget = useCallback(() => {
    setToken(null);
    setUser(null);
  }, []);
  useTokenFrom(() => token, forget);

  const adopt = useCallback(async (accessToken: string) => {
    useTokenFrom(() => accessToken, forget);
    const me = await api<Me>('/api/auth/me');
    setToken(accessToken);
    setUser(me);
  }, [forget]);

  const signInAs = useCallback(
    async (username: string) => {
      const { accessToken } = await api<{ accessToken: string }>('/api/auth/dev-login', { method: 'POST', body: { username } });
      sessionStorage.setItem(DEV_USER_KEY, username);
      await adopt(accessToken);
    },
    [adopt],
  );

  useEffect(() => {
    let cancelled = false;
    const resume = async () => {
      if (manager) {
        if (window.location.pathname === SIGNIN_CALLBACK) {
          if (window.parent !== window) return void (await manager.signinSilentCallback());
          const signedIn = await manager.signinRedirectCallback();
          window.history.replaceState(null, '', (signedIn.state as string | undefined) ?? '/');
          return adopt(signedIn.access_token);
        }
        const renewed = await manager.signinSilent().catch(() => null);
        if (renewed) await adopt(renewed.access_token);
      } else if (config.devLogin) {
        const remembered = sessionStorage.getItem(DEV_USER_KEY);
        if (remembered) await signInAs(remembered).catch(() => sessionStorage.removeItem(DEV_USER_KEY));
      }
    };
    resume()
      .catch(() => undefined)
      .finally(() => !cancelled && setState('ready'));
    return () => {
      cancelled = true;
    };
  }, [manager, config.devLogin, adopt, signInAs]);

  useEffect(() => {
    if (!manager) return;
    const renewed = (renewedUser: { access_token: string }) => void adopt(renewedUser.access_token);
    manager.events.addUserLoaded(renewed);
    return () => manager.events.removeUserLoaded(renewed);
  }, [manager, adopt]);

  const auth: Auth = {
    config,
    user,
    signInAs,
    signInWithProvider: async () => {
      await manager?.signinRedirect({ state: window.location.pathname + window.location.search });
    },
    signOut: async () => {
      sessionStorage.removeItem(DEV_USER_KEY);
      forget();
      if (manager) await manager.signoutRedirect();
    },
  };
  return <AuthContext.Provider value={auth}>{children(state)}</AuthContext.Provider>;
}
