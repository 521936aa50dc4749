/**
 * Names of the changes made to running processes with `patched()` (README: "Changing a running
 * process"). A history recorded before a change replays without it; every new run takes it.
 */

/** The read-model activities run locally (issue 9). */
export const LOCAL_ACTIVITIES_PATCH = 'local-read-model-activities';

/** The case workflow orchestrates hand-overs, involvement and the tovholder; processes ask it (issue 10). */
export const CASE_ORCHESTRATION_PATCH = 'case-orchestration';

/** Processes record where they are on their map: a query, `ProcessStep` and the read model (issue 11). */
export const PROCESS_STEPS_PATCH = 'process-steps';

/**
 * A workflow's local activities run one at a time, in the order they were asked for (issue 14):
 * run side by side, they could finish in another order than they started, and the SDK resolves
 * them in starting order on replay, so the history no longer replayed (found by the fault suite).
 */
export const SERIAL_LOCAL_ACTIVITIES_PATCH = 'serial-local-activities';

/** A notification whose investigation the authority took on opens the investigation process (issue 13). */
export const INVESTIGATION_PROCESS_PATCH = 'investigation-process';

/** A preventive measure continues as new between follow-ups once its history is long (a measure lasts years). */
export const MEASURE_CONTINUE_AS_NEW_PATCH = 'measure-continue-as-new';
