import { AssignmentActivities } from './assignment.activities';
import { TaskActivities } from './task.activities';

export { AssignmentActivities, TaskActivities };

/** Every activity class the worker registers; their public methods become activities by name. */
export const ACTIVITY_CLASSES = [AssignmentActivities, TaskActivities] as const;
