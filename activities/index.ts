import { AlertActivities } from './alert.activities';
import { AssignmentActivities } from './assignment.activities';
import { CaseActivities } from './case.activities';
import { ProcessActivities } from './process.activities';
import { TaskActivities } from './task.activities';

export { AlertActivities, AssignmentActivities, CaseActivities, ProcessActivities, TaskActivities };

/** Every activity class the worker registers; their public methods become activities by name. */
export const ACTIVITY_CLASSES = [AlertActivities, AssignmentActivities, CaseActivities, ProcessActivities, TaskActivities] as const;
