import { TaskActivities } from './task.activities';

export { TaskActivities };

/** Every activity class the worker registers; their public methods become activities by name. */
export const ACTIVITY_CLASSES = [TaskActivities] as const;
