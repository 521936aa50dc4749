import { fetchEventSource } from '@microsoft/fetch-event-source';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { api, bearer } from '../api/client';

/** One event from GET /api/events: an alert for the user, or a task of their agency that appeared or changed. */
export interface LiveEvent {
  type: string;
  data: Record<string, unknown>;
}

interface Live {
  unreadAlerts: number;
  markAlertsRead(): Promise<void>;
  /** Calls `listener` for every event until the returned function is called. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
}

/** Alerts are stored per user and counted as unread; task events only say that a list changed. */
export const isAlert = (event: LiveEvent) => 'createdAt' in event.data && 'username' in event.data;

const LiveContext = createContext<Live | null>(null);

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside <LiveEvents>');
  return live;
}

/** Runs `onEvent` for each live event while the component is shown (e.g. to reload a list). */
export function useLiveEvent(onEvent: (event: LiveEvent) => void): void {
  const { subscribe } = useLive();
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}

/**
 * Keeps one server-sent-event stream open for the signed-in user (fetch-event-source, because
 * EventSource cannot send the bearer token), reconnecting on its own, and keeps the unread alert count.
 */
export function LiveEvents({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<(event: LiveEvent) => void>());
  const [unreadAlerts, setUnread] = useState(0);

  const refreshUnread = useCallback(() => {
    api<{ count: number }>('/api/alerts/unread')
      .then(({ count }) => setUnread(count))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    refreshUnread();
    const stop = new AbortController();
    void fetchEventSource('/api/events', {
      // Each (re)connection takes the token of that moment, so a silently renewed one is used.
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...bearer() } }),
      signal: stop.signal,
      openWhenHidden: true,
      onmessage: (message) => {
        if (!message.event || message.event === 'keepalive') return;
        const event: LiveEvent = { type: message.event, data: message.data ? JSON.parse(message.data) : {} };
        if (isAlert(event)) refreshUnread();
        for (const listener of listeners.current) listener(event);
      },
      // Keep retrying (the default backs off); a thrown error would end the stream for good.
      onerror: () => 5_000,
    });
    return () => stop.abort();
  }, [refreshUnread]);

  const subscribe = useCallback((listener: (event: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const markAlertsRead = useCallback(async () => {
    const { count } = await api<{ count: number }>('/api/alerts/read', { method: 'POST', body: {} });
    setUnread(count);
  }, []);

  return <LiveContext.Provider value={{ unreadAlerts, markAlertsRead, subscribe }}>{children}</LiveContext.Provider>;
}
