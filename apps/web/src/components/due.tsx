import { dueDay } from '@sagsflow/domain';
import { formatDateTime } from '../text';

/** A deadline with its state in words ("Overskredet", "Forfalder i dag"), so it never depends on colour alone. */
export function Due({ at, open = true }: { at: string; open?: boolean }) {
  const state = open ? dueDay(new Date(at), new Date()) : 'later';
  return (
    <span className={state === 'later' ? undefined : `due-${state}`}>
      {state === 'overdue' && <strong>Overskredet: </strong>}
      {state === 'today' && <strong>Forfalder i dag: </strong>}
      <time dateTime={at}>{formatDateTime(at)}</time>
    </span>
  );
}
