import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

interface Toast {
  id: number;
  text: string;
  href?: string;
}

const ToastContext = createContext<(text: string, href?: string) => void>(() => undefined);

export const useToast = () => useContext(ToastContext);

/** Short notices (a new task, an alert) read out by screen readers through a polite live region. */
export function Toasts({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((text: string, href?: string) => {
    const id = Date.now() + Math.random();
    // The same news can come twice (a new task for the team, and an alert to its members): say it once.
    setToasts((all) => (all.some((t) => t.text === text && t.href === href) ? all : [...all.slice(-3), { id, text, href }]));
    setTimeout(() => setToasts((all) => all.filter((t) => t.id !== id)), 10_000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast-notice">
            {toast.href ? <a href={toast.href}>{toast.text}</a> : toast.text}
            <button type="button" className="button button-tertiary" onClick={() => setToasts((all) => all.filter((t) => t.id !== toast.id))}>
              Luk<span className="sr-only"> besked</span>
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
