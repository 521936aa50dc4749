import { useCallback, useEffect, useState } from 'react';

/** Loads with `load`, again whenever `deps` change or `reload()` is called; the last answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data?: T; error?: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  return { ...state, reload };
}
