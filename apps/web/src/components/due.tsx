import { dueState, formatDateTime } from '../text';

/** A deadline with its state in words ("Overskredet", "I dag"), so it never depends on colour alone. */
export function Due({ at, open = true }: { at: string; open?: boolean }) {
  const state = open ? dueState(at) : 'later';
  return (
    <span className={state === 'later' ? undefined : `due-${state}`}>
      {state === 'overdue' && <strong>Overskredet: </strong>}
      {state === 'today' && <strong>I dag: </strong>}
      <time dateTime={at}>{formatDateTime(at)}</time>
    </span>
  );
}
